import { NodeApiError, NodeOperationError, type INode, type JsonObject } from 'n8n-workflow';

/**
 * Every error leaving a node must be an n8n node error. Ours already are (the constructors hand an
 * existing NodeApiError/NodeOperationError back unchanged); anything else is wrapped, with the item.
 */
export function asNodeError(node: INode, error: unknown, itemIndex?: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError) return new NodeApiError(node, error as unknown as JsonObject, { itemIndex });
	return new NodeOperationError(node, error as Error, { itemIndex });
}
