import PDFDocument from "pdfkit";
import type { ReferralSummary } from "@/lib/data/referral";
import type { AlertSeverity } from "@/lib/domain/types";
import { formatDistance } from "@/lib/domain/units";
import { chartGeometry, chartWeeks, daySpan, fitList, longDay, pdfText, weeklyTable, type Box } from "./referral-layout";

/**
 * The one-page referral summary (issue 20 item 8) as an A4 PDF, drawn with pdfkit's standard
 * Helvetica (no font files to ship). Every list is capped so the page never overflows: the page is
 * one page whatever the record holds ("and N more" says what was left out).
 */

const A4 = { width: 595.28, height: 841.89 };
const M = 40;
const W = A4.width - 2 * M;
const FOOTER_Y = A4.height - M - 12;
const INK = "#0f172a";
const MUTED = "#475569";
const RULE = "#cbd5e1";
// the athlete page's chart colours (app/_components/charts/pain-load-chart.tsx)
const C = { bar: "#8fd0c3", barEdge: "#0f766e", runningPain: "#c2410c", morningPain: "#1e3a8a", cap: "#7c3aed" };

// what fits the page with every section at its longest (the integration test draws that case)
const MAX = { program: 10, alerts: 7, redFlags: 4 };

const SEVERITY: Record<AlertSeverity, string> = { urgent: "Urgent", high: "High", moderate: "Moderate", good_news: "Good news" };
const SIDE: Record<string, string> = { left: "left", right: "right", both: "both sides" };

export function renderReferralPdf(s: ReferralSummary): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: M, bottom: 0, left: M, right: M },
    autoFirstPage: true,
    info: { Title: pdfText(`Referral summary: ${s.athlete.name}`), Author: pdfText(`${s.trainerName}, ${s.clinicName}`), Subject: "Referral summary", Creator: "Stride Clinic" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  draw(doc, s);
  doc.end();
  return done;
}

type Doc = PDFKit.PDFDocument;

/** One line of text at (x, y), cut with an ellipsis at `width`; returns the y below it. */
function line(doc: Doc, text: string, x: number, y: number, width: number, opts: { size?: number; bold?: boolean; color?: string; align?: "left" | "right" | "center" } = {}): number {
  const size = opts.size ?? 9;
  doc.font(opts.bold ? "Helvetica-Bold" : "Helvetica").fontSize(size).fillColor(opts.color ?? INK);
  doc.text(pdfText(text), x, y, { width, height: size * 1.25, ellipsis: true, lineBreak: false, align: opts.align ?? "left" });
  return y + size * 1.3;
}

/** Wrapped text of at most `lines` lines; returns the y below it. */
function para(doc: Doc, text: string, x: number, y: number, width: number, lines: number, size = 9, color = INK): number {
  doc.font("Helvetica").fontSize(size).fillColor(color);
  const h = Math.min(doc.heightOfString(pdfText(text), { width }), lines * size * 1.25);
  doc.text(pdfText(text), x, y, { width, height: lines * size * 1.25, ellipsis: true });
  return y + h + 2;
}

function heading(doc: Doc, text: string, y: number): number {
  doc.moveTo(M, y).lineTo(M + W, y).lineWidth(0.5).strokeColor(RULE).stroke();
  return line(doc, text, M, y + 5, W, { size: 10.5, bold: true, color: "#0f766e" }) + 1;
}

function draw(doc: Doc, s: ReferralSummary) {
  let y = M;
  // header: who and from whom
  line(doc, "Referral summary", M, y, W / 2, { size: 9, bold: true, color: MUTED });
  line(doc, s.clinicName, M + W / 2, y, W / 2, { size: 9, bold: true, align: "right" });
  y += 12;
  line(doc, s.athlete.name, M, y, W * 0.6, { size: 17, bold: true });
  line(doc, `Trainer: ${s.trainerName}`, M + W / 2, y + 2, W / 2, { size: 9, align: "right" });
  line(doc, `Generated ${longDay(s.generatedOn)}`, M + W / 2, y + 14, W / 2, { size: 9, color: MUTED, align: "right" });
  y += 23;
  const facts = [s.athlete.birthYear ? `Born ${s.athlete.birthYear}` : null, s.athlete.sportGroup, `Status: ${s.athlete.statusLabel}`].filter(Boolean).join(" · ");
  y = line(doc, facts, M, y, W * 0.6, { size: 9.5, color: MUTED }) + 6;

  // injury episode, return to run and running
  y = heading(doc, "Injury episode", y);
  if (s.episode) {
    const e = s.episode;
    const side = e.side ? `, ${SIDE[e.side] ?? e.side}` : "";
    const onset = e.onsetDate ? `onset ${longDay(e.onsetDate)}` : "onset not recorded";
    const state = e.status === "active" ? "active" : `resolved ${e.resolvedOn ? longDay(e.resolvedOn) : ""}`.trim();
    y = line(doc, `${e.condition}${side}: ${onset}; ${state}.`, M, y, W, { size: 9.5, bold: true });
    if (s.earlierEpisodes > 0) y = line(doc, `${s.earlierEpisodes} earlier episode${s.earlierEpisodes === 1 ? "" : "s"} on record.`, M, y, W, { color: MUTED });
  } else {
    y = line(doc, "No injury episode recorded.", M, y, W);
  }
  y += 3;
  y = heading(doc, "Return to run", y);
  if (s.returnToRun) {
    const r = s.returnToRun;
    y = line(doc, `${r.stage ?? "Stage not set"}${r.ladderName ? ` (${r.ladderName})` : ""}${r.paused ? ": plan paused" : ""}`, M, y, W, { size: 9.5, bold: true });
    if (r.verdict) y = para(doc, r.verdict, M, y, W, 2);
  } else {
    y = line(doc, "Not on a return-to-run plan.", M, y, W);
  }
  if (s.prescription) {
    y = line(doc, `Running prescription: up to ${formatDistance(s.prescription.weeklyDistanceM, s.unit)} a week, longest run ${formatDistance(s.prescription.longestRunM, s.unit)}.`, M, y, W);
  }
  y += 3;

  // the program
  y = heading(doc, "Exercise program", y);
  const program = fitList(s.program, MAX.program);
  if (s.program.length === 0) y = line(doc, "No exercises on the program.", M, y, W);
  else {
    const cols = [M, M + W * 0.5, M + W * 0.82];
    line(doc, "Exercise", cols[0]!, y, W * 0.5, { bold: true, color: MUTED, size: 8.5 });
    line(doc, "Sets × reps / hold", cols[1]!, y, W * 0.32, { bold: true, color: MUTED, size: 8.5 });
    y = line(doc, "Days a week", cols[2]!, y, W * 0.18, { bold: true, color: MUTED, size: 8.5 });
    for (const item of program.shown) {
      line(doc, `${item.name}${item.paused ? " (paused)" : ""}`, cols[0]!, y, W * 0.49);
      line(doc, item.dosage, cols[1]!, y, W * 0.31);
      y = line(doc, String(item.daysPerWeek), cols[2]!, y, W * 0.18);
    }
    if (program.more) y = line(doc, program.more, M, y, W, { color: MUTED });
  }
  y += 3;

  y = drawChart(doc, s, heading(doc, "Pain and running load, last 12 weeks", y));
  y += 3;

  // open alerts and red flags
  y = heading(doc, "Open alerts", y);
  const alerts = fitList(s.openAlerts, MAX.alerts);
  if (s.openAlerts.length === 0) y = line(doc, "No open alerts.", M, y, W);
  for (const a of alerts.shown) {
    line(doc, daySpan(a.from, a.to), M, y, 100, { color: MUTED });
    line(doc, SEVERITY[a.severity], M + 102, y, 50, { bold: true });
    y = line(doc, a.reason, M + 154, y, W - 154);
  }
  if (alerts.more) y = line(doc, alerts.more, M, y, W, { color: MUTED });
  y += 3;
  y = heading(doc, "Red flags reported and not yet resolved", y);
  const flags = fitList(s.redFlags, MAX.redFlags);
  if (s.redFlags.length === 0) y = line(doc, "None.", M, y, W);
  for (const f of flags.shown) {
    line(doc, daySpan(f.date, f.date), M, y, 100, { color: MUTED });
    y = line(doc, f.label, M + 102, y, W - 102);
  }
  if (flags.more) line(doc, flags.more, M, y, W, { color: MUTED });

  doc.moveTo(M, FOOTER_Y - 4).lineTo(M + W, FOOTER_Y - 4).lineWidth(0.5).strokeColor(RULE).stroke();
  line(doc, `Prepared by ${s.preparedBy}, ${s.clinicName}, on ${longDay(s.generatedOn)}. Confidential: for the clinician the athlete is referred to.`, M, FOOTER_Y, W, { size: 7.5, color: MUTED });
}

/** The athlete page's weekly chart: distance bars (left axis), pain lines on their own 0–10 axis (right). */
function drawChart(doc: Doc, s: ReferralSummary, top: number): number {
  const weeks = chartWeeks(s.weeks, s.unit);
  const plot: Box = { x: M + 42, y: top + 6, width: W - 84, height: 140 };
  const g = chartGeometry(weeks, plot);
  const bottom = plot.y + plot.height;
  const small = (text: string, x: number, y: number, width: number, align: "left" | "right" | "center", color = MUTED) => line(doc, text, x, y, width, { size: 7, color, align });

  for (const t of g.distanceTicks) {
    doc.moveTo(plot.x, t.y).lineTo(plot.x + plot.width, t.y).lineWidth(0.3).strokeColor("#e2e8f0").stroke();
    small(t.value % 1 === 0 ? String(t.value) : t.value.toFixed(1), plot.x - 26, t.y - 3, 22, "right", C.barEdge);
  }
  for (const t of g.painTicks) small(String(t.value), plot.x + plot.width + 4, t.y - 3, 20, "left", C.runningPain);
  // axis titles, turned like the page's
  doc.save().rotate(-90, { origin: [M + 4, bottom] });
  line(doc, `Distance (${s.unit})`, M + 4, bottom - 2, plot.height, { size: 7.5, bold: true, color: C.barEdge, align: "center" });
  doc.restore();
  doc.save().rotate(90, { origin: [M + W - 4, plot.y] });
  line(doc, "Pain (0-10)", M + W - 4, plot.y - 8, plot.height, { size: 7.5, bold: true, color: C.runningPain, align: "center" });
  doc.restore();

  for (const b of g.bars) {
    if (b.height > 0) doc.rect(b.x, b.y, b.width, b.height).fillAndStroke(C.bar, C.barEdge);
    small(b.label, b.labelX - 20, bottom + 3, 40, "center");
  }
  doc.lineWidth(0.8).moveTo(plot.x, bottom).lineTo(plot.x + plot.width, bottom).strokeColor(INK).stroke();
  doc.moveTo(plot.x, plot.y).lineTo(plot.x, bottom).stroke();
  doc.moveTo(plot.x + plot.width, plot.y).lineTo(plot.x + plot.width, bottom).stroke();

  for (const c of g.cap) doc.moveTo(c.x1, c.y).lineTo(c.x2, c.y).lineWidth(1.4).dash(4, { space: 2 }).strokeColor(C.cap).stroke().undash();
  const polyline = (pts: { x: number; y: number }[], color: string, marker: "circle" | "square") => {
    if (pts.length > 1) {
      doc.moveTo(pts[0]!.x, pts[0]!.y);
      for (const p of pts.slice(1)) doc.lineTo(p.x, p.y);
      doc.lineWidth(1.5).strokeColor(color).stroke();
    }
    for (const p of pts) {
      if (marker === "circle") doc.circle(p.x, p.y, 2.6).lineWidth(1.2).fillAndStroke("#ffffff", color);
      else doc.rect(p.x - 2.3, p.y - 2.3, 4.6, 4.6).fill(color);
    }
  };
  polyline(g.morningPain, C.morningPain, "square");
  polyline(g.runningPain, C.runningPain, "circle");

  // legend
  let y = bottom + 14;
  let x = M;
  const key = (label: string, swatch: () => void, width: number) => {
    swatch();
    small(label, x + 16, y, width - 18, "left", INK);
    x += width;
  };
  key(`Running distance (${s.unit}), left axis`, () => doc.rect(x, y, 11, 7).fillAndStroke(C.bar, C.barEdge), 150);
  if (g.cap.length > 0) key("Weekly cap", () => doc.moveTo(x, y + 3.5).lineTo(x + 12, y + 3.5).lineWidth(1.4).dash(4, { space: 2 }).strokeColor(C.cap).stroke().undash(), 70);
  key("Running pain, week's highest (0-10, right axis)", () => doc.moveTo(x, y + 3.5).lineTo(x + 12, y + 3.5).lineWidth(1.5).strokeColor(C.runningPain).stroke().circle(x + 6, y + 3.5, 2.4).fillAndStroke("#ffffff", C.runningPain), 190);
  key("Morning pain, week's highest", () => doc.moveTo(x, y + 3.5).lineTo(x + 12, y + 3.5).lineWidth(1.5).strokeColor(C.morningPain).stroke().rect(x + 4, y + 1.5, 4, 4).fill(C.morningPain), 130);
  y += 12;

  // the weekly numbers (the chart's text alternative)
  const table = weeklyTable(weeks, s.unit);
  const labelW = 92;
  const colW = (W - labelW) / Math.max(1, weeks.length);
  const row = (cells: string[], bold: boolean) => {
    line(doc, cells[0]!, M, y, labelW, { size: 7, bold, color: bold ? MUTED : INK });
    cells.slice(1).forEach((c, i) => line(doc, c, M + labelW + i * colW, y, colW, { size: 7, bold, color: bold ? MUTED : INK, align: "right" }));
    y += 9;
  };
  row(table.header, true);
  for (const r of table.rows) row(r, false);
  if (weeks.length === 0) y = line(doc, "No weeks in range.", M, y, W);
  return y + 2;
}
