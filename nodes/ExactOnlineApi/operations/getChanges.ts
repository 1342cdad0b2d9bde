/**
 * Get Changes: its parameters (Sync Name, Confirm Later, Start From Scratch, …) and what it does: one read of
 * the entity's change stream per run (./../entity/changes does the reading and keeps the cursor).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { Show } from '../../shared/descriptions';
import { type BatchOperation, oncePerRun } from '../../shared/router';
import { type ChangesOptions, type ExtraStream, getChanges } from '../entity/changes';
import { type ExactEntity, fieldsFor } from '../entity/definitions';
import { exactOutputOption, fieldsOption, type ReadOptions, shape, splitFields } from './output';

export function changesParameters(show: Show, entityPlural: string, extraOptions: INodeProperties[] = []): INodeProperties[] {
	return [
		{
			displayName: `Returns the ${entityPlural} created or changed since the last run (and those deleted), one item each with changeType "changed" or "deleted". The position is kept in the workflow's static data, which n8n saves for active and scheduled runs, not for manual test runs.`,
			name: 'changesNotice',
			type: 'notice',
			default: '',
			displayOptions: { show },
		},
		{
			displayName: 'Sync Name',
			name: 'syncName',
			type: 'string',
			default: 'default',
			displayOptions: { show },
			description:
				'Names this position in the change stream. Use a different name for each flow that reads the same changes; Confirm Changes must use the same name.',
		},
		{
			displayName: 'Options',
			name: 'changesOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: { show },
			options: [
				fieldsOption,
				exactOutputOption,
				{
					displayName: 'Confirm Later',
					name: 'confirmLater',
					type: 'boolean',
					default: false,
					description:
						'Whether to keep the position until a Confirm Changes step at the end of the flow succeeds. Then a run that fails half-way reads the same changes again next time instead of losing them.',
				},
				{
					displayName: 'Include Deletions',
					name: 'includeDeleted',
					type: 'boolean',
					default: true,
					description: 'Whether to also return records deleted in Exact (from sync/Deleted)',
				},
				{
					displayName: 'Start From Scratch',
					name: 'startOver',
					type: 'boolean',
					default: false,
					description: 'Whether to forget the position and read everything again (a full resync)',
				},
				...extraOptions,
			],
		},
	];
}

export interface ChangesParameters extends ReadOptions {
	confirmLater?: boolean;
	includeDeleted?: boolean;
	startOver?: boolean;
	maxPerRun?: number;
}

/** Changed records a run hands out at most, unless the node's Max Changes per Run says otherwise. */
export const DEFAULT_MAX_PER_RUN = 5000;

/**
 * Max Changes per Run, for Get Changes of an entity whose change stream is read alone (see ChangesOptions.maxRecords):
 * a first read of a whole administration goes out over several runs instead of in one execution of n8n.
 */
export const maxPerRunOption: INodeProperties = {
	displayName: 'Max Changes per Run',
	name: 'maxPerRun',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: DEFAULT_MAX_PER_RUN,
	description:
		'Hand out at most about this many changed records a run (rounded up to whole pages of 1,000); the next run goes on where this one stopped. Keeps a first read of a large administration from holding every record in one n8n execution. 0 = no limit.',
};

/** What every Get Changes passes to the change reader from the node's parameters: position name, options, store. */
export function changesSettings(
	this: IExecuteFunctions,
	options: ChangesParameters,
	itemIndex: number,
): Pick<ChangesOptions, 'syncName' | 'includeDeleted' | 'confirmLater' | 'startOver' | 'staticData' | 'itemIndex'> {
	return {
		syncName: this.getNodeParameter('syncName', itemIndex, 'default') as string,
		includeDeleted: options.includeDeleted !== false,
		confirmLater: options.confirmLater === true,
		startOver: options.startOver === true,
		staticData: this.getWorkflowStaticData('global'),
		itemIndex,
	};
}

export type AfterRead = (this: IExecuteFunctions, changed: IDataObject[], itemIndex: number) => Promise<void>;

/** What a node adds to the standard Get Changes, from its parameters. */
export interface ChangesHooks {
	afterRead?: AfterRead;
	/** Which records to hand out: a test on the sync rows and the same as OData for reads by ID (see ChangesOptions). */
	only?: (this: IExecuteFunctions, itemIndex: number) => { keep: (record: IDataObject) => boolean; filter: string } | undefined;
	extraStreams?: (this: IExecuteFunctions, itemIndex: number) => ExtraStream[];
	/** Records to hand out after the read (e.g. deletions Exact does not log), with what the run is. */
	finish?: (this: IExecuteFunctions, records: IDataObject[], run: FinishedRead) => Promise<IDataObject[]>;
	/** The node offers Max Changes per Run (maxPerRunOption): its stream is read in parts. */
	inParts?: boolean;
}

/** What a `finish` hook knows of the run. */
export interface FinishedRead extends ChangesParameters {
	syncName: string;
	staticData: IDataObject;
	itemIndex: number;
}

/** Max Changes per Run as the reader takes it: unset is the default, 0 is no limit. */
function maxRecordsOf(options: ChangesParameters): number | undefined {
	const max = options.maxPerRun ?? DEFAULT_MAX_PER_RUN;
	return max > 0 ? max : undefined;
}

/** `hooks` may be just an afterRead function. */
export function getChangesOperation(entity: ExactEntity, hooks: ChangesHooks | AfterRead = {}): BatchOperation {
	const { afterRead, only, extraStreams, finish, inParts } = typeof hooks === 'function' ? { afterRead: hooks } as ChangesHooks : hooks;
	// One read of the change stream per run, however many items come in.
	return oncePerRun(async function (this: IExecuteFunctions) {
		const itemIndex = 0;
		const options = this.getNodeParameter('changesOptions', itemIndex, {}) as ChangesParameters;
		const syncName = this.getNodeParameter('syncName', itemIndex, 'default') as string;
		const staticData = this.getWorkflowStaticData('global');
		const records = await getChanges.call(this, entity, {
			select: [...fieldsFor(entity, 'sync'), ...splitFields(options.extraFields)],
			...changesSettings.call(this, options, itemIndex),
			...only?.call(this, itemIndex),
			extraStreams: extraStreams?.call(this, itemIndex),
			afterRead: afterRead ? (changed) => afterRead.call(this, changed, itemIndex) : undefined,
			maxRecords: inParts ? maxRecordsOf(options) : undefined,
		});
		const more = finish ? await finish.call(this, records, { ...options, syncName, staticData, itemIndex }) : [];
		return shape([...records, ...more], options.output);
	});
}
