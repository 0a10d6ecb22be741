import { useI18n } from "../i18n/I18nProvider.tsx";
import type { MessageKey } from "../i18n/ru.ts";

/** A labelled select of named rows (niches, campaigns) with a "none" first choice; "" means none. */
export function OptionalChoice({
  testId,
  label,
  noneLabel,
  value,
  onChange,
  options,
}: {
  testId: string;
  label: MessageKey;
  noneLabel: MessageKey;
  value: string;
  onChange: (value: string) => void;
  options: { id: string; name: string }[];
}) {
  const { t } = useI18n();
  return (
    <label className="field">
      <span>{t(label)}</span>
      <select data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t(noneLabel)}</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </select>
    </label>
  );
}
