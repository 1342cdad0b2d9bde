import { NodeConnectionTypes, type INodeTypeDescription } from 'n8n-workflow';

/**
 * What every Exact entity node shares. Icon, subtitle and tool use stay literal in each node class: the
 * community lint reads them there.
 */
export const exactEntityBase: Pick<INodeTypeDescription, 'group' | 'version' | 'inputs' | 'outputs' | 'credentials'> = {
	group: ['transform'],
	version: 1,
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'exactOnlineOAuth2Api', required: true }],
};
