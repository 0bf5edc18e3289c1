import type { Rng } from "../rng";

const COMPANY_A = ["Nordic", "Atlas", "Blue", "Summit", "Crescent", "Pioneer", "Harbor", "Quantum", "Evergreen", "Granite", "Sterling", "Aurora", "Cobalt", "Meridian", "Vertex"];
const COMPANY_B = ["Logistics", "Supplies", "Systems", "Trading", "Foods", "Labs", "Works", "Consulting", "Hardware", "Textiles", "Energy", "Print"];
const SUFFIX = ["Ltd", "GmbH", "Inc.", "LLC", "S.A.", "B.V.", "AB", "Co."];
const STREETS = ["Main Street", "Harbour Road", "Kingsway", "Elm Avenue", "Market Square", "Station Road", "Lindenstrasse", "Rue de la Paix", "Oak Lane", "Industrial Park"];
const CITIES = ["London EC1A 1BB", "Berlin 10115", "Paris 75002", "Amsterdam 1012", "Stockholm 111 22", "Madrid 28013", "Vienna 1010", "Dublin D02", "Oslo 0150", "Milan 20121"];
const COUNTRIES = ["United Kingdom", "Germany", "France", "Netherlands", "Sweden", "Spain", "Austria", "Ireland", "Norway", "Italy"];
const ITEMS = ["Consulting services", "Steel brackets M8", "Office chairs", "Software licence (annual)", "Freight charges", "Printer toner", "Packaging material", "Maintenance visit", "Network cables Cat6", "Training workshop", "Hosting (monthly)", "Safety gloves", "Paper A4 80g", "Spare parts kit", "Design work"];
const FIRST = ["Anna", "Lars", "Marie", "John", "Sofia", "Peter", "Elena", "Tom", "Ingrid", "Marco"];
const LAST = ["Berg", "Smith", "Dubois", "Meyer", "Rossi", "Jansen", "Novak", "Keller", "Lund", "Garcia"];

export function companyName(rng: Rng): string {
  return `${rng.pick(COMPANY_A)} ${rng.pick(COMPANY_B)} ${rng.pick(SUFFIX)}`;
}

export function address(rng: Rng, name = companyName(rng)): string[] {
  const lines = [name, `${rng.int(1, 240)} ${rng.pick(STREETS)}`, rng.pick(CITIES)];
  if (rng.chance(0.6)) lines.push(rng.pick(COUNTRIES));
  if (rng.chance(0.4)) lines.push(`Tel. +${rng.int(30, 49)} ${rng.int(100, 999)} ${rng.int(1000, 9999)}`);
  return lines;
}

export function personName(rng: Rng): string {
  return `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
}

export function date(rng: Rng, style: "iso" | "eu" | "us" | "long"): string {
  const y = rng.int(2019, 2026);
  const m = rng.int(1, 12);
  const d = rng.int(1, 28);
  const p = (n: number) => String(n).padStart(2, "0");
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  if (style === "iso") return `${y}-${p(m)}-${p(d)}`;
  if (style === "eu") return `${p(d)}.${p(m)}.${y}`;
  if (style === "us") return `${p(m)}/${p(d)}/${y}`;
  return `${d} ${months[m - 1]} ${y}`;
}

export function invoiceNumber(rng: Rng): string {
  return rng.pick([
    () => `INV-${rng.int(2019, 2026)}-${String(rng.int(1, 9999)).padStart(4, "0")}`,
    () => `${rng.int(100000, 999999)}`,
    () => `RE/${rng.int(10, 99)}/${rng.int(1000, 9999)}`,
    () => `#${rng.int(1000, 99999)}`,
  ])();
}

export type LineItem = { description: string; qty: number; unit: number };

export function lineItems(rng: Rng, n: number): LineItem[] {
  return Array.from({ length: n }, () => ({
    description: rng.pick(ITEMS),
    qty: rng.int(1, 40),
    unit: Math.round(rng.float(2, 900) * 100) / 100,
  }));
}

export function money(value: number, currency: string): string {
  const s = value.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return currency === "EUR" ? `${s} EUR` : `${currency}${s}`;
}

export const STAMP_WORDS = ["PAID", "RECEIVED", "APPROVED", "BOOKED", "VERIFIED"];
export const NOTES = [
  "Payment within 30 days of the invoice date.",
  "Thank you for your business.",
  "Please quote the invoice number with your payment.",
  "Goods remain our property until paid in full.",
  "Bank: IBAN DE89 3704 0044 0532 0130 00, BIC COBADEFFXXX",
];
