// The panel's controls, built on @vscode/webview-ui-toolkit. Everything else in
// the webview creates controls only through these functions, so the toolkit
// (deprecated upstream) can be swapped for another without touching the views.
import {
  provideVSCodeDesignSystem,
  vsCodeButton,
  vsCodeCheckbox,
  vsCodeDataGrid,
  vsCodeDataGridCell,
  vsCodeDataGridRow,
  vsCodeDropdown,
  vsCodeOption,
  vsCodePanels,
  vsCodePanelTab,
  vsCodePanelView,
} from '@vscode/webview-ui-toolkit';

let registered = false;

export function registerToolkit(): void {
  if (registered) return;
  registered = true;
  provideVSCodeDesignSystem().register(
    vsCodeButton(), vsCodeCheckbox(), vsCodeDataGrid(), vsCodeDataGridCell(), vsCodeDataGridRow(),
    vsCodeDropdown(), vsCodeOption(), vsCodePanels(), vsCodePanelTab(), vsCodePanelView(),
  );
}

export interface Tabs {
  element: HTMLElement;
  /** The content element of each tab, by id. */
  body(id: string): HTMLElement;
  select(id: string): void;
}

export function createTabs(tabs: { id: string; title: string }[], onSelect: (id: string) => void): Tabs {
  const panels = document.createElement('vscode-panels');
  panels.className = 'tl-tabs';
  const bodies = new Map<string, HTMLElement>();
  for (const t of tabs) {
    const tab = document.createElement('vscode-panel-tab');
    tab.id = `tab-${t.id}`;
    tab.textContent = t.title;
    panels.appendChild(tab);
  }
  for (const t of tabs) {
    const view = document.createElement('vscode-panel-view');
    view.id = `view-${t.id}`;
    const body = document.createElement('div');
    body.className = 'tl-view';
    body.dataset.view = t.id;
    view.appendChild(body);
    panels.appendChild(view);
    bodies.set(t.id, body);
  }
  let current = '';
  panels.addEventListener('change', (e) => {
    // Only the panels' own change (a dropdown inside a view bubbles 'change' too).
    if (e.target !== panels) return;
    // The property is current when the event fires; the attribute is reflected later.
    const id = String((panels as unknown as { activeid?: string }).activeid ?? '').replace(/^tab-/, '');
    if (id && id !== current) {
      current = id;
      onSelect(id);
    }
  });
  return {
    element: panels,
    body: (id) => bodies.get(id)!,
    select: (id) => {
      current = id;
      panels.setAttribute('activeid', `tab-${id}`);
    },
  };
}

export function createButton(label: string, onClick: () => void, title?: string): HTMLElement {
  const b = document.createElement('vscode-button');
  b.setAttribute('appearance', 'secondary');
  b.textContent = label;
  if (title) b.title = title;
  b.addEventListener('click', onClick);
  return b;
}

export interface Dropdown {
  element: HTMLElement;
  setOptions(options: { value: string; label: string }[], selected: string): void;
}

export function createDropdown(label: string, onChange: (value: string) => void): Dropdown {
  const wrap = document.createElement('label');
  wrap.className = 'tl-field';
  const text = document.createElement('span');
  text.textContent = label;
  const dd = document.createElement('vscode-dropdown') as HTMLElement & { value: string };
  dd.setAttribute('aria-label', label);
  wrap.append(text, dd);
  let quiet = false;
  dd.addEventListener('change', () => {
    if (!quiet) onChange(dd.value);
  });
  return {
    element: wrap,
    setOptions(options, selected) {
      quiet = true;
      dd.replaceChildren(
        ...options.map((o) => {
          const opt = document.createElement('vscode-option') as HTMLElement & { value: string };
          opt.setAttribute('value', o.value);
          opt.textContent = o.label;
          if (o.value === selected) opt.setAttribute('selected', '');
          return opt;
        }),
      );
      dd.value = selected;
      queueMicrotask(() => (quiet = false));
    },
  };
}

export function createCheckbox(label: string, checked: boolean, onChange: (checked: boolean) => void): HTMLElement & { checked: boolean } {
  const c = document.createElement('vscode-checkbox') as HTMLElement & { checked: boolean };
  c.textContent = label;
  c.checked = checked;
  c.addEventListener('change', () => onChange(c.checked));
  return c;
}

export interface DataGrid<Row> {
  element: HTMLElement;
  setRows(rows: Row[], selectedKey: string | null): void;
}

/** A table of rows; clicking a row calls onPick with its key. */
export function createDataGrid<Row extends Record<string, string>>(
  columns: { key: keyof Row & string; title: string; width?: string }[],
  keyOf: (row: Row) => string,
  onPick: (key: string) => void,
): DataGrid<Row> {
  const grid = document.createElement('vscode-data-grid') as HTMLElement & {
    rowsData: Row[];
    columnDefinitions: { columnDataKey: string; title: string }[];
  };
  grid.setAttribute('aria-label', 'Variables');
  grid.setAttribute('generate-header', 'sticky');
  grid.columnDefinitions = columns.map((c) => ({ columnDataKey: c.key, title: c.title }));
  const template = columns.map((c) => c.width ?? '1fr').join(' ');
  grid.setAttribute('grid-template-columns', template);
  (grid as unknown as { gridTemplateColumns: string }).gridTemplateColumns = template;
  grid.addEventListener('click', (e) => {
    const row = (e.target as HTMLElement).closest('vscode-data-grid-row') as (HTMLElement & { rowData?: Row }) | null;
    if (row?.rowData) onPick(keyOf(row.rowData));
  });
  return {
    element: grid,
    setRows(rows, selectedKey) {
      grid.rowsData = rows;
      // Mark the chosen row once the grid has rendered it.
      requestAnimationFrame(() => {
        for (const r of grid.querySelectorAll('vscode-data-grid-row') as NodeListOf<HTMLElement & { rowData?: Row }>) {
          r.classList.toggle('tl-selected', !!r.rowData && keyOf(r.rowData) === selectedKey);
        }
      });
    },
  };
}

/** A range slider; the toolkit has none, so this is a themed native input. */
export function createSlider(label: string, onInput: (value: number) => void): { element: HTMLElement; set(max: number, value: number): void } {
  const wrap = document.createElement('label');
  wrap.className = 'tl-field tl-slider';
  const text = document.createElement('span');
  text.textContent = label;
  const input = document.createElement('input');
  input.type = 'range';
  input.min = '0';
  input.setAttribute('aria-label', label);
  input.addEventListener('input', () => onInput(Number(input.value)));
  wrap.append(text, input);
  return {
    element: wrap,
    set(max, value) {
      input.max = String(max);
      input.value = String(value);
    },
  };
}
