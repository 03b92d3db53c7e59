import { LineChart, PolarisVizProvider, type Annotation } from "@shopify/polaris-viz";
import { ClientOnly } from "../../../components/ClientOnly";

export interface ChartPoint {
  date: string;
  value: number | null;
  compare: number | null;
}

export interface ChartMarker {
  id: string;
  title: string;
  start: string;
  end: string | null;
}

/**
 * The KPI over the chosen period (and the comparison period on the same days), with the
 * actions as markers at their start day (and their last day for a range). polaris-viz renders in
 * the browser only.
 */
export function KpiChart(props: {
  points: ChartPoint[];
  markers: ChartMarker[];
  seriesName: string;
  compareName: string | null;
  format: (value: number) => string;
  loading: string;
}) {
  return (
    <div id="kpi-chart" data-points={props.points.length} style={{ height: 320 }}>
      <ClientOnly fallback={<p>{props.loading}</p>}>{() => <Chart {...props} />}</ClientOnly>
    </div>
  );
}

function Chart({
  points,
  markers,
  seriesName,
  compareName,
  format,
}: Parameters<typeof KpiChart>[0]) {
  const data = [
    { name: seriesName, data: points.map((p) => ({ key: p.date, value: p.value })) },
    ...(compareName
      ? [
          {
            name: compareName,
            isComparison: true,
            data: points.map((p) => ({ key: p.date, value: p.compare })),
          },
        ]
      : []),
  ];
  const dates = new Set(points.map((p) => p.date));
  const annotations: Annotation[] = markers
    .filter((m) => dates.has(m.start))
    .map((m) => ({
      axis: "x",
      label: m.title,
      startKey: m.start,
      ...(m.end && dates.has(m.end) ? { endKey: m.end } : {}),
    }));
  return (
    <PolarisVizProvider>
      <LineChart
        data={data}
        annotations={annotations}
        yAxisOptions={{ labelFormatter: (value) => format(Number(value ?? 0)) }}
        tooltipOptions={{ valueFormatter: (value) => format(Number(value ?? 0)) }}
        isAnimated={false}
      />
    </PolarisVizProvider>
  );
}
