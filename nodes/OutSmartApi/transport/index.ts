/** The OutSmart transport: requests and envelopes, error codes, value formats, work orders, master data. */
export {
	OUTSMART_CREDENTIAL_TYPE,
	OUTSMART_ENDPOINTS,
	isSafeToRetry,
	isUncertainOutcome,
	outSmartErrorCode,
	outSmartErrorDetails,
	outSmartRequest,
	outSmartRequestEnvelope,
	readEnvelope,
} from './request';
export type {
	OutSmartContext,
	OutSmartEndpoint,
	OutSmartEnvelope,
	OutSmartMethod,
	OutSmartQuery,
	OutSmartRequestOptions,
	OutSmartRetryOptions,
	OutSmartUpdateStatus,
	WorkorderReadEndpoint,
} from './request';
export { OUTSMART_CODES, describeOutSmartCode } from './errors';
export type { OutSmartCodeInfo } from './errors';
export * from '../../shared/formats';
export { OUTSMART_OPERATORS, OutSmartFilterError, filterQuery } from './filters';
export type { OutSmartFilter, OutSmartOperator } from './filters';
export { redactSecrets, scrubText, scrubValue, secretList } from './secrets';
export {
	WORKORDER_STATUS_FILTERS,
	getWorkorder,
	getWorkorders,
	markWorkorderHandled,
	postWorkorders,
	readWorkorders,
	replaceWorkorderMaterials,
	updateWorkorder,
} from './workorders';
export type { GetWorkordersOptions, PostedWorkorder, WorkorderRef, WorkorderStatusFilter, WorkorderUpdate } from './workorders';
export { deleteEntity, listRecords, upsertRecords } from './masterData';
export type { ListResult, OutSmartRecordEndpoint } from './masterData';
