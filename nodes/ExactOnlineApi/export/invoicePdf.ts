/**
 * The PDF of a booked OutSmart invoice as a document of its sales entry: OutSmart gives a temporary PDF URL with
 * each invoice; Exact takes a document (documents/Documents, linked to the entry by FinancialTransactionEntryID)
 * and the file as its attachment (documents/DocumentAttachments, base64). Two writes. An entry whose Document is
 * set has its PDF; one without (the PDF failed, or the entry was booked before) gets it on the next run.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { SalesEntryDraft } from '../../mapping/outSmartInvoice';
import { readList, exactRequest } from '../transport';

/** Exact's document type of a sales invoice. */
const SALES_INVOICE_DOCUMENT_TYPE = 10;

/** The PDF OutSmart made for the invoice (a plain download: the URL carries its own access, no token is sent). */
async function downloadPdf(this: IExecuteFunctions, url: string): Promise<Buffer> {
	const body = (await this.helpers.httpRequest({ method: 'GET', url, encoding: 'arraybuffer', timeout: 60_000 })) as ArrayBuffer | Buffer;
	const file = Buffer.isBuffer(body) ? body : Buffer.from(body);
	if (file.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('the file at the invoice PDF URL is not a PDF');
	return file;
}

/** 'attached' with the document, or why not: a PDF that fails never undoes or hides the booking. */
export async function attachInvoicePdf(this: IExecuteFunctions, draft: SalesEntryDraft, entry: IDataObject, itemIndex: number): Promise<IDataObject> {
	if (entry.Document) return { pdf: 'attachedEarlier', Document: entry.Document };
	if (!draft.pdfUrl) return { pdf: 'none', pdfNote: 'OutSmart gave no PDF URL with this invoice' };
	try {
		const file = await downloadPdf.call(this, draft.pdfUrl);
		const created = await exactRequest.call(this, {
			method: 'POST',
			path: 'documents/Documents',
			body: {
				Subject: `Factuur ${draft.reference} (OutSmart)`,
				Type: SALES_INVOICE_DOCUMENT_TYPE,
				Account: entry.Customer,
				FinancialTransactionEntryID: entry.EntryID,
			},
			itemIndex,
		});
		const document = String(readList(created.body).records[0]?.ID ?? '');
		await exactRequest.call(this, {
			method: 'POST',
			path: 'documents/DocumentAttachments',
			body: { Document: document, FileName: `factuur-${draft.reference}.pdf`, Attachment: file.toString('base64') },
			itemIndex,
		});
		return { pdf: 'attached', Document: document };
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		return { pdf: 'failed', pdfNote: `The invoice is booked; its PDF was not attached (${reason}). The next run tries again.` };
	}
}
