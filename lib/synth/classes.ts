/** The demo project's field types, in class-index order (the YOLO `names`). */
export const FIELD_CLASSES = [
  "logo",
  "invoice_number",
  "invoice_date",
  "due_date",
  "seller_address",
  "buyer_address",
  "line_items",
  "total",
  "signature",
  "stamp",
] as const;

export type FieldClass = (typeof FIELD_CLASSES)[number];

export function classIndex(name: FieldClass): number {
  return FIELD_CLASSES.indexOf(name);
}
