import type { Seo } from "@arqan/shared";
import { useI18n } from "../i18n/I18nProvider.tsx";

/** A page's SEO as it was read: title, description, canonical, h1, robots, the headings outline and hreflang. */
export function SeoDetails({ seo }: { seo: Seo | null }) {
  const { t } = useI18n();
  if (seo === null) return <p className="muted">{t("research.seo.none")}</p>;
  const value = (text: string | null) =>
    text === null || text.trim() === "" ? <span className="muted">—</span> : text;
  return (
    <div className="seo-details" data-testid="seo-details">
      <dl className="facts facts--stacked">
        <div>
          <dt>{t("research.seo.title")}</dt>
          <dd data-testid="seo-title">{value(seo.title)}</dd>
        </div>
        <div>
          <dt>{t("research.seo.description")}</dt>
          <dd>{value(seo.description)}</dd>
        </div>
        <div>
          <dt>{t("research.seo.canonical")}</dt>
          <dd className="seo-details__url">{value(seo.canonical)}</dd>
        </div>
        <div>
          <dt>H1</dt>
          <dd>{value(seo.h1)}</dd>
        </div>
        <div>
          <dt>{t("research.seo.robots")}</dt>
          <dd>{value(seo.robots)}</dd>
        </div>
      </dl>
      <div className="seo-details__lists">
        <div>
          <h4>{t("research.seo.headings")}</h4>
          {seo.headings.length === 0 ? (
            <p className="muted">—</p>
          ) : (
            <ol className="seo-headings">
              {seo.headings.map((heading, index) => (
                // Headings repeat; their place in the outline is their identity.
                // biome-ignore lint/suspicious/noArrayIndexKey: the outline never reorders.
                <li key={index} style={{ paddingLeft: `${(heading.level - 1) * 14}px` }}>
                  <span className="seo-headings__level">H{heading.level}</span> {heading.text}
                </li>
              ))}
            </ol>
          )}
        </div>
        <div>
          <h4>hreflang</h4>
          {seo.hreflang.length === 0 ? (
            <p className="muted">—</p>
          ) : (
            <ul className="seo-hreflang">
              {seo.hreflang.map((link) => (
                <li key={`${link.lang}:${link.href}`}>
                  <code>{link.lang}</code> {link.href}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </div>
  );
}
