import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { runPerItem } from '../shared/router';
import { properties } from './description';
import { makeRequest, testConnection } from './execute';

/** The escape hatch: any Exact endpoint with our OAuth2, division, paging, throttle and errors. */
export class ExactOnlineApiRequest implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Exact Online API Request',
		name: 'exactOnlineApiRequest',
		icon: { light: 'file:../../icons/exactOnline.svg', dark: 'file:../../icons/exactOnline.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ $parameter["operation"] === "testConnection" ? "Test connection" : $parameter["method"] + " " + $parameter["path"] }}',
		description: 'Call any Exact Online endpoint with paging, rate limits and clear errors handled for you',
		defaults: { name: 'Exact Online API Request' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'exactOnlineOAuth2Api', required: true }],
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const operation = this.getNodeParameter('operation', 0) as string;
		return await runPerItem.call(this, operation === 'testConnection' ? testConnection : makeRequest);
	}
}
