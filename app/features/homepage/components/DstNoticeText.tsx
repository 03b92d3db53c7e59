import { useI18n } from "../../../components/I18nProvider";
import { dstNotice, type DstNote } from "../dst-notice";

/** How a time on a daylight-saving night is read, in the merchant's language. */
export function DstNoticeText({ note, zone }: { note: DstNote; zone: string }) {
  const { t } = useI18n();
  const notice = dstNotice(note, zone);
  if (!notice) return null;
  return <>{t(notice.key, { ...notice.vars, field: t(notice.fieldKey) })}</>;
}
