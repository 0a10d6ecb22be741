import { useI18n } from "../i18n/I18nProvider.tsx";
import { numberLocales } from "../i18n/languages.ts";
import { type FigureUnit, formatFigure } from "./formatFigure.ts";

/** `formatFigure` in the user's language. */
export function useFigure(): (value: number | null, unit: FigureUnit) => string {
  const { language } = useI18n();
  const locale = numberLocales[language];
  return (value, unit) => formatFigure(value, unit, locale);
}
