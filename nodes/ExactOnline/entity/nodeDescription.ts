import { NodeConnectionTypes, type CodexData, type INodeTypeDescription } from 'n8n-workflow';

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

/**
 * The node's codex (categories, aliases such as "uursoort", documentation links) from its .node.json file.
 * n8n reads that file next to the compiled node, but the build only ships JSON that code imports: importing
 * it here puts it in dist/, and the description carries it too (n8n prefers the description's own codex).
 */
export function codexOf(file: { categories?: string[]; alias?: string[]; resources?: CodexData['resources'] }): CodexData {
	return { categories: file.categories, alias: file.alias, resources: file.resources };
}
