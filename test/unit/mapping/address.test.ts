import { splitAddressLine } from '../../../nodes/mapping/address';

describe('splitAddressLine', () => {
	it.each([
		['Dorpsstraat 12a', 'Dorpsstraat', '12a'],
		['Laan van Meerdervoort 1250-B', 'Laan van Meerdervoort', '1250-B'],
		['Oudegracht 45-bis', 'Oudegracht', '45-bis'],
		['1e Jacob van Campenstraat 12 hs', '1e Jacob van Campenstraat', '12 hs'],
		['Straat 12 A', 'Straat', '12 A'],
		['Plein 1940-1945 3', 'Plein 1940-1945', '3'],
		['Postbus 123', 'Postbus', '123'],
		["'s-Hertogenboschweg 7", "'s-Hertogenboschweg", '7'],
		['  Kerkstraat   5  ', 'Kerkstraat', '5'],
		['12 Main Street', 'Main Street', '12'],
		['Hoofdweg', 'Hoofdweg', ''],
		['', '', ''],
	])('%s', (line, street, houseNumber) => {
		expect(splitAddressLine(line)).toEqual({ street, houseNumber });
	});

	it('keeps a line whose number is followed by a long remark whole', () => {
		expect(splitAddressLine('Kerkstraat 5 tweede verdieping achter')).toEqual({
			street: 'Kerkstraat 5 tweede verdieping achter',
			houseNumber: '',
		});
	});

	it('copes with null', () => {
		expect(splitAddressLine(null)).toEqual({ street: '', houseNumber: '' });
	});
});
