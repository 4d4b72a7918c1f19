import type { HistoryFilter } from '../../lib/popup/filter-entries';

interface Props {
  workspaces: string[];
  workspace: string | null;
  onWorkspace: (workspace: string) => void;
  sections: { type: string; title: string }[];
  filter: HistoryFilter;
  onFilter: (filter: HistoryFilter) => void;
}

/**
 * Workspace, section and label search above the history. A choice too long for its select ends with an ellipsis
 * (style.css), and the select's tooltip names it whole. With one workspace there is nothing to choose: the header
 * names it, and its column goes to the section and the search (a workspace named after its host, "127.0.0.1:37055",
 * read "127.…" there).
 */
export function HistoryFilters({ workspaces, workspace, onWorkspace, sections, filter, onFilter }: Props) {
  const choice = workspaces.length > 1;
  return (
    <div className={choice ? 'filters' : 'filters one-workspace'}>
      {choice ? (
        <label>
          <span>Workspace</span>
          <select
            value={workspace ?? ''}
            title={workspace ?? undefined}
            onChange={(event) => onWorkspace(event.target.value)}
          >
            {workspaces.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label>
        <span>Section</span>
        <select
          value={filter.section}
          title={
            filter.section === '' ? 'All' : sections.find((section) => section.type === filter.section)?.title
          }
          onChange={(event) => onFilter({ ...filter, section: event.target.value })}
        >
          <option value="">All</option>
          {sections.map((section) => (
            <option key={section.type} value={section.type}>
              {section.title}
            </option>
          ))}
        </select>
      </label>
      <label className="search">
        <span>Search labels</span>
        <input
          type="search"
          value={filter.search}
          placeholder="Label or note"
          onChange={(event) => onFilter({ ...filter, search: event.target.value })}
        />
      </label>
    </div>
  );
}
