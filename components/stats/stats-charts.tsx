"use client";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useTranslations } from "next-intl";

const PARTS = [
  ["articles", "#b91c1c"],
  ["commissions", "#c2410c"],
  ["instructions", "#1d4ed8"],
  ["adoptions", "#15803d"],
] as const;

/** Score by unit (top 15), as bars stacked by where the points came from: articles, 约稿 (below zero when missed ones cost more), 批示, 上级采用. */
export function ScoreBarChart({ data }: { data: { unit: string; score: number; articles: number; commissions: number; instructions: number; adoptions: number }[] }) {
  const t = useTranslations("stats");
  const top = data.slice(0, 15);
  return (
    <figure className="rounded border border-stone-200 bg-white p-3">
      <figcaption className="mb-2 text-sm font-medium">{t("chartScore")}</figcaption>
      {top.length === 0 ? (
        <p className="py-10 text-center text-sm text-stone-500">{t("chartEmpty")}</p>
      ) : (
      <div style={{ height: Math.max(160, top.length * 28 + 40) }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={top} layout="vertical" stackOffset="sign" margin={{ left: 8, right: 16, top: 4, bottom: 4 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} fontSize={12} />
            {/* Long unit names are cut with an ellipsis rather than clipped at the left edge; the tooltip has them whole. */}
            <YAxis type="category" dataKey="unit" width={120} fontSize={12} tickFormatter={(name: string) => (name.length > 9 ? `${name.slice(0, 8)}…` : name)} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {PARTS.map(([key, color]) => (
              <Bar key={key} dataKey={key} stackId="score" name={t(`scoreParts.${key}`)} fill={color} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      )}
    </figure>
  );
}

/** Submitted, accepted and published per month over the 12 months ending with the period. */
export function TrendChart({ data }: { data: { month: string; submitted: number; accepted: number; published: number }[] }) {
  const t = useTranslations("stats");
  return (
    <figure className="rounded border border-stone-200 bg-white p-3">
      <figcaption className="mb-2 text-sm font-medium">{t("chartTrend")}</figcaption>
      <div style={{ height: 240 }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ left: 0, right: 16, top: 4, bottom: 4 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="month" fontSize={12} />
            <YAxis allowDecimals={false} fontSize={12} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Line type="monotone" dataKey="submitted" name={t("cols.submitted")} stroke="#1d4ed8" isAnimationActive={false} />
            <Line type="monotone" dataKey="accepted" name={t("cols.accepted")} stroke="#15803d" isAnimationActive={false} />
            <Line type="monotone" dataKey="published" name={t("cols.published")} stroke="#7c3aed" isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
