import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { en } from './en';
import { nb, type Dictionary } from './nb';

export type Lang = 'nb' | 'en';
const dictionaries: Record<Lang, Dictionary> = { nb, en };
const LANG_KEY = 'registry.lang';

interface I18n {
  lang: Lang;
  t: Dictionary;
  setLang(lang: Lang): void;
}

const I18nContext = createContext<I18n>({ lang: 'nb', t: nb, setLang: () => undefined });

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Lang>(() => (localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'nb'));
  useEffect(() => {
    localStorage.setItem(LANG_KEY, lang);
    document.documentElement.lang = lang;
    document.title = dictionaries[lang].appTitle;
  }, [lang]);
  return <I18nContext.Provider value={{ lang, t: dictionaries[lang], setLang }}>{children}</I18nContext.Provider>;
}

export const useI18n = () => useContext(I18nContext);
