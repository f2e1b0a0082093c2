import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { Lang } from '../../../state/url.ts';
import { searchRegions, type RegionInfo } from '../../region/model.ts';
import { kindText } from '../../region/present.ts';
import { tx } from '../../region/text.ts';

/**
 * An ARIA 1.2 combobox with a list of matching regions: type to search (names, province names or codes), arrows to
 * move, Enter to choose, Escape to close. Region names are data: rendered as text only.
 */
export function RegionPicker({ lang, regions, onPick }: { lang: Lang; regions: readonly RegionInfo[]; onPick: (code: string) => void }) {
  const id = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const matches = useMemo(() => (text.trim() ? searchRegions(regions, text, 50) : []), [regions, text]);
  const expanded = open && text.trim() !== '';
  const optionId = (i: number) => `${id}-opt-${i}`;

  const pick = (r: RegionInfo | undefined) => {
    if (!r) return;
    setText('');
    setOpen(false);
    setActive(-1);
    onPick(r.code);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (matches.length === 0 ? -1 : (a + 1) % matches.length));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (matches.length === 0 ? -1 : a <= 0 ? matches.length - 1 : a - 1));
    } else if (e.key === 'Enter') {
      if (expanded) {
        e.preventDefault();
        pick(matches[active >= 0 ? active : 0]);
      }
    } else if (e.key === 'Escape') {
      if (expanded) { e.preventDefault(); setOpen(false); setActive(-1); } else setText('');
    }
  };

  return (
    <div className="profile-picker">
      <label htmlFor={`${id}-input`} id={`${id}-label`}>{tx(lang, 'pickRegion')}</label>
      <div className="profile-picker-box">
        <input
          id={`${id}-input`}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={`${id}-list`}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-describedby={`${id}-hint`}
          value={text}
          placeholder="Bandung, Jawa Barat, 32.73…"
          onChange={(e) => { setText(e.target.value); setOpen(true); setActive(-1); }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        <ul id={`${id}-list`} role="listbox" aria-labelledby={`${id}-label`} className="profile-picker-list" hidden={!expanded}>
          {matches.map((r, i) => (
            <li
              key={r.code}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(e) => e.preventDefault() /* keep the focus in the input */}
              onClick={() => pick(r)}
            >
              <span className="profile-picker-name">{r.name}</span>{' '}
              <span className="profile-picker-kind">
                {kindText(lang, r.level, r.regencyType)}{r.level === 'regency' && r.provinceName ? ` · ${r.provinceName}` : ''}
              </span>
            </li>
          ))}
          {matches.length === 0 && <li role="option" aria-selected={false} aria-disabled="true" className="profile-picker-none">{tx(lang, 'noMatch')}</li>}
        </ul>
      </div>
      <p id={`${id}-hint`} className="meta profile-picker-hint">{tx(lang, 'pickRegionHint')}</p>
      <p className="sr-only" aria-live="polite">{expanded ? tx(lang, 'matches', { n: matches.length }) : ''}</p>
    </div>
  );
}
