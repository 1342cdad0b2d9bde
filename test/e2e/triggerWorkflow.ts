/** The workflow the OutSmart Trigger suites activate: completed work orders ("Completed") → "Mark handled". */
import type { N8nInstance, WorkflowInput } from '../../scripts/n8n';
import { linearConnections } from '../../scripts/n8n';

export function completedThenMarkHandled(
	n8n: N8nInstance,
	credential: { id: string; name: string },
	trigger: Record<string, unknown>,
): Pick<WorkflowInput, 'nodes' | 'connections'> {
	return {
		nodes: [
			{ name: 'Completed', type: n8n.nodeType('outSmartTrigger'), typeVersion: 1, parameters: trigger, credentials: { outSmartApi: credential } },
			{
				name: 'Mark handled',
				type: n8n.nodeType('outSmart'),
				typeVersion: 1,
				parameters: {
					resource: 'workorder',
					operation: 'markHandled',
					workorder: { __rl: true, mode: 'workorderNo', value: '={{ $json.WorkorderNo }}' },
				},
				credentials: { outSmartApi: credential },
			},
		],
		connections: linearConnections('Completed', 'Mark handled'),
	};
}
