export * from './context';
export { exactRequest, buildQueryString, type ExactRequestOptions, type ExactResponse, type ExactQuery } from './request';
export { exactGetAll, exactGetAnyOf, forEachPage, readList, VALUES_PER_CALL, type ListOptions } from './paging';
export { exactSyncRead, exactSyncDeleted, DELETED_ENTITY_TYPES, SYNC_START, maxTimestamp } from './sync';
export { resolveDivision, fetchCurrentUser, configuredDivision } from './division';
export { exactBaseUrl, EXACT_REGION_HOSTS } from './regions';
export { exactApiError, exactErrorMessage } from './errors';
