import { SaveBar, TitleBar, useAppBridge } from "@shopify/app-bridge-react";
import { ContextualSaveBar, Frame, Page, Toast } from "@shopify/polaris";
import {
  createContext,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from "react";
import type { Mode } from "../shopify/mode";
import { CollectionPickerModal } from "./CollectionPickerModal";
import { ProductPickerModal, type PickedResource } from "./ProductPickerModal";

/** A picked product or collection; handle and image when the picker knows them. */
export interface PickedItem extends PickedResource {
  handle?: string;
  imageUrl?: string | null;
}

/**
 * App Bridge-only UI (toast, title bar, resource picker, save bar) behind one small interface:
 * App Bridge when embedded in the admin, Polaris equivalents in the standalone demo — so every
 * screen is written once.
 */
export interface Bridge {
  mode: Mode;
  toast(message: string, options?: { isError?: boolean }): void;
  pickProducts(options?: { multiple?: boolean }): Promise<PickedItem[] | undefined>;
  pickCollections(options?: { multiple?: boolean }): Promise<PickedItem[] | undefined>;
}

const BridgeContext = createContext<Bridge | null>(null);

export function useBridge(): Bridge {
  const bridge = useContext(BridgeContext);
  if (!bridge) throw new Error("useBridge() outside <BridgeProvider>");
  return bridge;
}

export function BridgeProvider({ mode, children }: { mode: Mode; children: ReactNode }) {
  return mode === "embedded" ? (
    <EmbeddedBridge>{children}</EmbeddedBridge>
  ) : (
    <StandaloneBridge>{children}</StandaloneBridge>
  );
}

function EmbeddedBridge({ children }: { children: ReactNode }) {
  const shopify = useAppBridge();
  const bridge = useMemo<Bridge>(
    () => ({
      mode: "embedded",
      toast: (message, options) => void shopify.toast.show(message, { isError: options?.isError }),
      pickProducts: async (options) => {
        const selection = await shopify.resourcePicker({
          type: "product",
          action: "select",
          multiple: options?.multiple ?? true,
        });
        return selection?.map((item) => ({
          id: item.id,
          title: item.title,
          handle: item.handle,
          imageUrl: item.images[0]?.originalSrc ?? null,
        }));
      },
      pickCollections: async (options) => {
        const selection = await shopify.resourcePicker({
          type: "collection",
          action: "select",
          multiple: options?.multiple ?? false,
        });
        return selection?.map((item) => ({
          id: item.id,
          title: item.title,
          handle: item.handle,
          imageUrl: item.image?.originalSrc ?? null,
        }));
      },
    }),
    [shopify],
  );
  return <BridgeContext.Provider value={bridge}>{children}</BridgeContext.Provider>;
}

function StandaloneBridge({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<{ id: number; message: string; isError: boolean }[]>([]);
  const [picker, setPicker] = useState<{
    kind: "product" | "collection";
    multiple: boolean;
  } | null>(null);
  const resolvePick = useRef<((value: PickedItem[] | undefined) => void) | null>(null);
  const nextId = useRef(0);

  const toast = useCallback((message: string, options?: { isError?: boolean }) => {
    const id = ++nextId.current;
    setToasts((current) => [...current, { id, message, isError: options?.isError ?? false }]);
  }, []);
  const pickProducts = useCallback(
    (options?: { multiple?: boolean }) =>
      new Promise<PickedItem[] | undefined>((resolve) => {
        resolvePick.current = resolve;
        setPicker({ kind: "product", multiple: options?.multiple ?? true });
      }),
    [],
  );
  const pickCollections = useCallback(
    (options?: { multiple?: boolean }) =>
      new Promise<PickedItem[] | undefined>((resolve) => {
        resolvePick.current = resolve;
        setPicker({ kind: "collection", multiple: options?.multiple ?? false });
      }),
    [],
  );
  const closePicker = (value: PickedItem[] | undefined) => {
    resolvePick.current?.(value);
    resolvePick.current = null;
    setPicker(null);
  };
  const bridge = useMemo<Bridge>(
    () => ({ mode: "standalone", toast, pickProducts, pickCollections }),
    [toast, pickProducts, pickCollections],
  );

  return (
    <BridgeContext.Provider value={bridge}>
      {children}
      {toasts.map((item) => (
        <Toast
          key={item.id}
          content={item.message}
          error={item.isError}
          onDismiss={() => setToasts((current) => current.filter((t) => t.id !== item.id))}
        />
      ))}
      {picker?.kind === "product" ? (
        <ProductPickerModal multiple={picker.multiple} onClose={closePicker} />
      ) : null}
      {picker?.kind === "collection" ? (
        <CollectionPickerModal multiple={picker.multiple} onClose={closePicker} />
      ) : null}
    </BridgeContext.Provider>
  );
}

/** A page with its title: App Bridge's title bar in the admin, Polaris' page header standalone. */
export function AppPage({
  title,
  children,
  backUrl,
}: {
  title: string;
  children: ReactNode;
  backUrl?: string;
}) {
  const { mode } = useBridge();
  if (mode === "embedded") {
    return (
      <Page backAction={backUrl ? { url: backUrl } : undefined}>
        <TitleBar title={title} />
        {children}
      </Page>
    );
  }
  return (
    <Page title={title} backAction={backUrl ? { url: backUrl } : undefined}>
      {children}
    </Page>
  );
}

/** Unsaved-changes bar: App Bridge's save bar in the admin, Polaris' contextual bar standalone. */
export function UnsavedChangesBar(props: {
  open: boolean;
  message: string;
  saveLabel: string;
  discardLabel: string;
  onSave(): void;
  onDiscard(): void;
  saving?: boolean;
}) {
  const { mode } = useBridge();
  if (!props.open) return null;
  if (mode === "embedded") {
    return (
      <SaveBar id="merchdesk-save-bar" open>
        <button variant="primary" onClick={props.onSave} loading={props.saving ? "" : undefined}>
          {props.saveLabel}
        </button>
        <button onClick={props.onDiscard}>{props.discardLabel}</button>
      </SaveBar>
    );
  }
  return (
    <ContextualSaveBar
      message={props.message}
      saveAction={{ content: props.saveLabel, onAction: props.onSave, loading: props.saving }}
      discardAction={{ content: props.discardLabel, onAction: props.onDiscard }}
    />
  );
}

/** Polaris Frame is what Toast and ContextualSaveBar render into in the standalone demo. */
export { Frame };
