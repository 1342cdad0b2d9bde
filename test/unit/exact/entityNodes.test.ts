/**
 * The entity nodes as n8n sees them: every operation offered in the UI is implemented, the conventions n8n
 * checks (icon, subtitle, tool use, codex), and the nodes panel finding hour types by "hour type"/"uursoort".
 */
import type { INodeProperties, INodePropertyOptions, INodeType } from 'n8n-workflow';
import { ExactOnlineAccount } from '../../../nodes/ExactOnlineAccount/ExactOnlineAccount.node';
import { operations as accountOperations } from '../../../nodes/ExactOnlineAccount/operations';
import { ExactOnlineItem } from '../../../nodes/ExactOnlineItem/ExactOnlineItem.node';
import { operations as itemOperations } from '../../../nodes/ExactOnlineItem/operations';
import { ExactOnlinePayment } from '../../../nodes/ExactOnlinePayment/ExactOnlinePayment.node';
import { operations as paymentOperations } from '../../../nodes/ExactOnlinePayment/operations';
import { ExactOnlineSalesInvoice } from '../../../nodes/ExactOnlineSalesInvoice/ExactOnlineSalesInvoice.node';
import { operations as invoiceOperations } from '../../../nodes/ExactOnlineSalesInvoice/operations';
import { ExactOnlineSalesOrder } from '../../../nodes/ExactOnlineSalesOrder/ExactOnlineSalesOrder.node';
import { operations as orderOperations } from '../../../nodes/ExactOnlineSalesOrder/operations';
import { ExactOnlineQuotation } from '../../../nodes/ExactOnlineQuotation/ExactOnlineQuotation.node';
import { operations as quotationOperations } from '../../../nodes/ExactOnlineQuotation/operations';
import accountCodex from '../../../nodes/ExactOnlineAccount/ExactOnlineAccount.node.json';
import itemCodex from '../../../nodes/ExactOnlineItem/ExactOnlineItem.node.json';
import paymentCodex from '../../../nodes/ExactOnlinePayment/ExactOnlinePayment.node.json';
import invoiceCodex from '../../../nodes/ExactOnlineSalesInvoice/ExactOnlineSalesInvoice.node.json';
import orderCodex from '../../../nodes/ExactOnlineSalesOrder/ExactOnlineSalesOrder.node.json';
import quotationCodex from '../../../nodes/ExactOnlineQuotation/ExactOnlineQuotation.node.json';
import { ExactOnlineWarehouse } from '../../../nodes/ExactOnlineWarehouse/ExactOnlineWarehouse.node';
import { operations as warehouseOperations } from '../../../nodes/ExactOnlineWarehouse/operations';
import warehouseCodex from '../../../nodes/ExactOnlineWarehouse/ExactOnlineWarehouse.node.json';

interface Case {
	node: INodeType;
	operations: Record<string, Record<string, unknown>>;
	codex: { node: string; categories: string[]; alias: string[] };
}

const cases: Record<string, Case> = {
	account: { node: new ExactOnlineAccount(), operations: { default: accountOperations }, codex: accountCodex },
	item: { node: new ExactOnlineItem(), operations: { default: itemOperations }, codex: itemCodex },
	payment: { node: new ExactOnlinePayment(), operations: paymentOperations, codex: paymentCodex },
	salesInvoice: { node: new ExactOnlineSalesInvoice(), operations: { default: invoiceOperations }, codex: invoiceCodex },
	salesOrder: { node: new ExactOnlineSalesOrder(), operations: { default: orderOperations }, codex: orderCodex },
	quotation: { node: new ExactOnlineQuotation(), operations: { default: quotationOperations }, codex: quotationCodex },
	warehouse: { node: new ExactOnlineWarehouse(), operations: { default: warehouseOperations }, codex: warehouseCodex },
};

/** [resource, operation] pairs the UI offers. */
function offered(properties: INodeProperties[]): Array<[string, string]> {
	const pairs: Array<[string, string]> = [];
	for (const property of properties.filter((p) => p.name === 'operation')) {
		const resources = (property.displayOptions?.show?.resource as string[] | undefined) ?? ['default'];
		for (const resource of resources) {
			for (const option of property.options as INodePropertyOptions[]) pairs.push([resource, String(option.value)]);
		}
	}
	return pairs;
}

describe.each(Object.entries(cases))('Exact Online entity node: %s', (_name, { node, operations, codex }) => {
	const { description } = node;

	it('implements every operation it offers, and offers every one it implements', () => {
		const ui = offered(description.properties).map(([r, o]) => `${r}.${o}`).sort();
		const implemented = Object.entries(operations).flatMap(([r, ops]) => Object.keys(ops).map((o) => `${r}.${o}`)).sort();
		expect(ui).toEqual(implemented);
	});

	it('has what n8n expects of an action node: themed icons, a subtitle, tool use, codex categories', () => {
		expect(description.icon).toEqual({ light: 'file:../../icons/exactOnline.svg', dark: 'file:../../icons/exactOnline.dark.svg' });
		expect(description.subtitle).toMatch(/\$parameter\["operation"\]/);
		expect(description.usableAsTool).toBe(true);
		expect(codex.node).toBe(`n8n-nodes-exact-outsmart.${description.name}`);
		expect(codex.categories).toContain('Finance & Accounting');
		expect(description.credentials).toEqual([{ name: 'exactOnlineOAuth2Api', required: true }]);
	});

	it('offers Get Changes with its sync options, and Confirm Changes with the same Sync Name', () => {
		const names = description.properties.map((p) => p.name);
		expect(names).toEqual(expect.arrayContaining(['syncName', 'changesOptions']));
		const changesOptions = description.properties.find((p) => p.name === 'changesOptions')?.options as INodeProperties[];
		expect(changesOptions.map((o) => o.name)).toEqual(expect.arrayContaining(['confirmLater', 'includeDeleted', 'startOver', 'output', 'extraFields']));
	});
});

describe('finding hour types in the nodes panel', () => {
	it('the Item node answers to "hour type" and "uursoort", and says so in its action', () => {
		expect(itemCodex.alias).toEqual(expect.arrayContaining(['hour type', 'uursoort']));
		const operation = new ExactOnlineItem().description.properties.find((p) => p.name === 'operation');
		const hourTypes = (operation?.options as INodePropertyOptions[]).find((o) => o.value === 'getHourTypes');
		expect(hourTypes?.action).toMatch(/hour types.*uursoorten/i);
	});
});

describe('finding orders and quotations in the nodes panel by their Dutch names', () => {
	it('the Sales Order node answers to "verkooporder"', () => {
		expect(orderCodex.alias).toEqual(expect.arrayContaining(['verkooporder', 'sales order']));
	});

	it('the Quotation node answers to "offerte" and "quote"', () => {
		expect(quotationCodex.alias).toEqual(expect.arrayContaining(['offerte', 'quote']));
	});
});

describe('resource locators', () => {
	it('accounts, items, payment conditions and warehouses can be picked from a list, by code or by ID', () => {
		const locators = Object.values(cases)
			.flatMap(({ node }) => node.description.properties)
			.flatMap((p) => (p.type === 'collection' ? (p.options as INodeProperties[]) : [p]))
			.filter((p) => p.type === 'resourceLocator');
		const methods = new Set(locators.map((p) => p.modes?.find((m) => m.name === 'list')?.typeOptions?.searchListMethod));
		expect([...methods].sort()).toEqual(['searchAccounts', 'searchItems', 'searchPaymentConditions', 'searchWarehouses']);
		for (const locator of locators) expect(locator.modes?.map((m) => m.name)).toEqual(['list', 'code', 'id']);
	});
});
