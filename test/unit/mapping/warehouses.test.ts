import { isStockPerItem, stockText, stockToMaterial, warehouseToOutSmartWarehouse } from '../../../nodes/mapping/warehouses';

describe('Exact warehouse -> OutSmart warehouse', () => {
	it('keeps the code, the description and the Exact ID as external ID; nothing OutSmart owns', () => {
		const mapped = warehouseToOutSmartWarehouse({ ID: 'a1b2', Code: '2', Description: 'Servicebus 1 (Jan)', Main: 0, EMail: 'jan@example.nl' });
		expect(mapped).toEqual({ record: { wse_code: '2', wse_description: 'Servicebus 1 (Jan)', wse_external_id: 'a1b2' }, missing: [] });
	});

	it('falls back to the code for a warehouse without description, and names a missing code', () => {
		expect(warehouseToOutSmartWarehouse({ Code: 'B', Description: '  ' }).record.wse_description).toBe('B');
		expect(warehouseToOutSmartWarehouse({ Description: 'Zonder code' }).missing).toEqual(['wse_code']);
	});
});

describe("an item's stock per warehouse -> OutSmart material", () => {
	const item = {
		ItemCode: 'KK-12',
		ItemDescription: 'Kogelkraan',
		TotalStock: 14.5,
		Warehouses: [
			{ WarehouseCode: '1', WarehouseDescription: 'Hoofdmagazijn', CurrentStock: 12 },
			{ WarehouseCode: '2', WarehouseDescription: 'Servicebus 1 (Jan)', CurrentStock: 2.5 },
			{ WarehouseCode: '3', WarehouseDescription: 'Servicebus 2', CurrentStock: -1 },
		],
		changeType: 'changed',
	};

	it('writes the stock per warehouse with decimal commas, in free field 5 only', () => {
		expect(stockText(item)).toBe('Voorraad: 1 Hoofdmagazijn 12 | 2 Servicebus 1 (Jan) 2,5 | 3 Servicebus 2 -1');
		expect(stockToMaterial(item)).toEqual({ code: 'KK-12', freefield5: 'Voorraad: 1 Hoofdmagazijn 12 | 2 Servicebus 1 (Jan) 2,5 | 3 Servicebus 2 -1' });
		expect(stockText({ ItemCode: 'X', Warehouses: [] })).toBe('Voorraad: geen');
	});

	it('cuts a long list to the 255 characters of a free field', () => {
		const many = { ItemCode: 'X', Warehouses: Array.from({ length: 30 }, (_, i) => ({ WarehouseCode: `W${i}`, WarehouseDescription: 'Servicebus', CurrentStock: i })) };
		const text = stockText(many);
		expect(text).toHaveLength(255);
		expect(text.endsWith('…')).toBe(true);
	});

	it('is told apart from an Exact item (which has a Code)', () => {
		expect(isStockPerItem(item)).toBe(true);
		expect(isStockPerItem({ Code: 'KK-12', ItemCode: 'KK-12', Warehouses: [] })).toBe(false);
		expect(isStockPerItem({ ItemCode: 'KK-12', CurrentStock: 3 })).toBe(false);
	});
});
