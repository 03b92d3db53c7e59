import {
  Badge,
  BlockStack,
  Box,
  Button,
  Checkbox,
  Icon,
  InlineStack,
  Text,
} from "@shopify/polaris";
import { ArrowDownIcon, ArrowUpIcon, DragHandleIcon } from "@shopify/polaris-icons";
import { useState, type DragEvent } from "react";
import { useI18n } from "../../../components/I18nProvider";

/**
 * One page of a collection's products in order, rearranged in the browser before anything is
 * planned: drag a row, or use the Move up / Move down buttons (keyboard and screen readers), and
 * each move is announced. Selecting rows is for pinning; "Move to position" reaches any position.
 */
export interface OrderRow {
  id: string;
  title: string;
  status: string;
}

/** The list with the product at `from` put at `to`. Pure. */
export function moveRow<T>(rows: readonly T[], from: number, to: number): T[] {
  const result = [...rows];
  const [row] = result.splice(from, 1);
  if (row === undefined) return result;
  result.splice(Math.max(0, Math.min(to, result.length)), 0, row);
  return result;
}

export function OrderList({
  rows,
  start,
  editable,
  selected,
  onChange,
  onToggle,
  onMoveTo,
}: {
  rows: readonly OrderRow[];
  /** Position (0-based) of the first row in the collection. */
  start: number;
  editable: boolean;
  selected: readonly string[];
  onChange: (rows: OrderRow[]) => void;
  onToggle: (id: string) => void;
  onMoveTo: (row: OrderRow) => void;
}) {
  const { t, n } = useI18n();
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState("");

  const move = (from: number, to: number) => {
    if (to < 0 || to >= rows.length || from === to) return;
    const row = rows[from]!;
    onChange(moveRow(rows, from, to));
    setAnnouncement(
      t("collections.order.announceMoved", { title: row.title, position: n(start + to + 1) }),
    );
  };

  const drop = (event: DragEvent, index: number) => {
    event.preventDefault();
    if (dragging !== null) move(dragging, index);
    setDragging(null);
    setOver(null);
  };

  return (
    <BlockStack gap="100">
      <div aria-live="polite" id="order-announcement">
        <Text as="span" visuallyHidden>
          {announcement}
        </Text>
      </div>
      <ol id="order-list" style={{ listStyle: "none", margin: 0, padding: 0 }}>
        {rows.map((row, index) => (
          <li
            key={row.id}
            data-product-id={row.id}
            draggable={editable}
            onDragStart={(event) => {
              event.dataTransfer.effectAllowed = "move";
              event.dataTransfer.setData("text/plain", row.id);
              setDragging(index);
            }}
            onDragOver={(event) => {
              if (dragging === null) return;
              event.preventDefault();
              setOver(index);
            }}
            onDragEnd={() => {
              setDragging(null);
              setOver(null);
            }}
            onDrop={(event) => drop(event, index)}
          >
            <Box
              padding="200"
              borderBlockEndWidth="025"
              borderColor="border"
              background={over === index ? "bg-surface-selected" : "bg-surface"}
            >
              <InlineStack gap="300" blockAlign="center" wrap={false}>
                {editable ? (
                  <span title={t("collections.order.drag", { title: row.title })} aria-hidden>
                    <Icon source={DragHandleIcon} tone="subdued" />
                  </span>
                ) : null}
                <Box minWidth="3rem">
                  <Text as="span" numeric tone="subdued">
                    {n(start + index + 1)}
                  </Text>
                </Box>
                <Checkbox
                  label={t("collections.order.select", { title: row.title })}
                  labelHidden
                  checked={selected.includes(row.id)}
                  disabled={!editable}
                  onChange={() => onToggle(row.id)}
                />
                <Box width="100%">
                  <Text as="span">{row.title}</Text>
                </Box>
                {row.status === "DRAFT" || row.status === "ARCHIVED" ? (
                  <Badge>{t(`collections.filter.status.${row.status}`)}</Badge>
                ) : null}
                <Button
                  icon={ArrowUpIcon}
                  accessibilityLabel={t("collections.order.moveUp", { title: row.title })}
                  disabled={!editable || index === 0}
                  onClick={() => move(index, index - 1)}
                />
                <Button
                  icon={ArrowDownIcon}
                  accessibilityLabel={t("collections.order.moveDown", { title: row.title })}
                  disabled={!editable || index === rows.length - 1}
                  onClick={() => move(index, index + 1)}
                />
                <Button disabled={!editable} onClick={() => onMoveTo(row)}>
                  {t("collections.order.moveTo")}
                </Button>
              </InlineStack>
            </Box>
          </li>
        ))}
      </ol>
    </BlockStack>
  );
}
