package de.bochum.portal.opendata.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.ObjectMapper;

import org.springframework.util.MultiValueMap;

/**
 * The filter form of the table page as the visitor filled it in (kept as typed, also when it is
 * wrong), the datastore query it stands for, and the links that carry it: page links and the
 * downloads of exactly this selection.
 *
 * <p>Only "equals" per column: {@link Datastore.Query} compares a column with a list of values and
 * has no ranges, and the form must not promise more than datastore_search does.
 */
public final class TableFilter {

	/** Prefix of a column filter's parameter; the rest is the column's name, so links survive added columns. */
	static final String COLUMN = "spalte.";
	static final String SORT = "sortierung";
	static final String DIRECTION = "richtung";
	static final String DESCENDING = "absteigend";
	/** The id of the column fieldset, where an error about a column that is not in the table points. */
	static final String COLUMNS_ID = "spaltenfilter";

	private static final Pattern GERMAN_DATE = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(.*)");
	private static final Pattern DECIMAL_COMMA = Pattern.compile("-?\\d*,\\d+");

	/** One column's filter field: the column, its type (CKAN's name), the input's id and the typed value. */
	public record Column(String id, String type, String inputId, String value) {

		public boolean yesNo() {
			return type.equals(Datastore.FieldType.BOOL.ckan);
		}
	}

	private final String base;
	private final String q;
	private final List<Column> columns;
	private final List<String> unknownColumns;
	private final String sortColumn;
	private final boolean descending;
	private final int page;

	private TableFilter(String base, String q, List<Column> columns, List<String> unknownColumns, String sortColumn,
			boolean descending, int page) {
		this.base = base;
		this.q = q;
		this.columns = columns;
		this.unknownColumns = unknownColumns;
		this.sortColumn = sortColumn;
		this.descending = descending;
		this.page = page;
	}

	/** Reads the form from the query string of {@code base} (the table page's path). */
	static TableFilter read(Datastore.Table table, String base, MultiValueMap<String, String> parameters) {
		List<Column> columns = new ArrayList<>();
		for (int i = 0; i < table.fields().size(); i++) {
			Datastore.Field field = table.fields().get(i);
			columns.add(new Column(field.id(), field.type().ckan, "filter-" + i, first(parameters, COLUMN + field.id())));
		}
		List<String> unknown = parameters.keySet()
			.stream()
			.filter(p -> p.startsWith(COLUMN) && table.field(p.substring(COLUMN.length())).isEmpty())
			.filter(p -> !first(parameters, p).isEmpty())
			.map(p -> p.substring(COLUMN.length()))
			.toList();
		int page;
		try {
			page = Math.max(1, Integer.parseInt(first(parameters, "seite")));
		}
		catch (NumberFormatException notANumber) {
			page = 1;
		}
		return new TableFilter(base, first(parameters, "q"), columns, unknown, first(parameters, SORT),
				DESCENDING.equals(first(parameters, DIRECTION)), page);
	}

	private static String first(MultiValueMap<String, String> parameters, String name) {
		String value = parameters.getFirst(name);
		return value == null ? "" : value.strip();
	}

	public String q() {
		return q;
	}

	public List<Column> columns() {
		return columns;
	}

	List<String> unknownColumns() {
		return unknownColumns;
	}

	public String sortColumn() {
		return sortColumn;
	}

	public boolean descending() {
		return descending;
	}

	public int page() {
		return page;
	}

	/** Whether anything narrows or orders the table (the page then shows the reset link and both counts). */
	public boolean active() {
		return !q.isEmpty() || !sortColumn.isEmpty() || columns.stream().anyMatch(c -> !c.value().isEmpty())
				|| !unknownColumns.isEmpty();
	}

	/** Whether a column filter is set: the column fieldset is then shown open. */
	public boolean columnsSet() {
		return columns.stream().anyMatch(c -> !c.value().isEmpty()) || !unknownColumns.isEmpty();
	}

	/** The filled-in column filters, each value in the input syntax of its column's type. */
	Map<String, List<String>> filters() {
		Map<String, List<String>> filters = new LinkedHashMap<>();
		for (Column c : columns) {
			if (!c.value().isEmpty()) {
				filters.put(c.id(), List.of(normalised(c)));
			}
		}
		return filters;
	}

	/**
	 * A German date (31.03.2024) as ISO, which the table shows and PostgreSQL reads unambiguously;
	 * a decimal comma as a point. Anything else goes to the datastore as typed and is judged there.
	 */
	static String normalised(Column c) {
		String value = c.value();
		if (c.type().equals(Datastore.FieldType.DATE.ckan) || c.type().equals(Datastore.FieldType.TIMESTAMP.ckan)) {
			Matcher date = GERMAN_DATE.matcher(value);
			if (date.matches()) {
				return String.format("%s-%02d-%02d%s", date.group(3), Integer.parseInt(date.group(2)),
						Integer.parseInt(date.group(1)), date.group(4));
			}
		}
		if ((c.type().equals(Datastore.FieldType.NUMERIC.ckan) || c.type().equals(Datastore.FieldType.FLOAT8.ckan))
				&& DECIMAL_COMMA.matcher(value).matches()) {
			return value.replace(',', '.');
		}
		return value;
	}

	/** The order: the chosen column, then the file's order, so that paging is stable among equal values. */
	List<Datastore.Sort> sort() {
		return sortColumn.isEmpty() ? List.of()
				: List.of(new Datastore.Sort(sortColumn, descending), new Datastore.Sort("_id", false));
	}

	Datastore.Query query(int limit, int offset) {
		return new Datastore.Query(List.of(), filters(), q, sort(), limit, offset, true, false);
	}

	/**
	 * Which fields a search the datastore refused went wrong on, as messages by input id in the
	 * order of the form. The datastore judges each filled-in column on its own (its cast in the
	 * column's type is the one validation there is); a bad sort it names itself.
	 */
	Map<String, String> explain(Datastore.Invalid refused, Datastore datastore, Datastore.Table table,
			de.bochum.portal.platform.PageContext ctx) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (Column c : columns) {
			if (c.value().isEmpty()) {
				continue;
			}
			try {
				datastore.search(table, new Datastore.Query(List.of("_id"), Map.of(c.id(), List.of(normalised(c))), "",
						List.of(), 1, 0, false, false));
			}
			catch (Datastore.Invalid notOfItsType) {
				errors.put(c.inputId(), ctx.t("opendata.table.error." + c.type(), c.id()));
			}
		}
		if ("sort".equals(refused.field)) {
			errors.put(SORT, ctx.t("opendata.table.error.sort", sortColumn));
		}
		if (errors.isEmpty()) {
			errors.put(COLUMNS_ID, ctx.t("opendata.table.error.other", refused.getMessage()));
		}
		return errors;
	}

	/** The form's parameters, as a link carries them; without the page. */
	private List<String[]> parameters() {
		List<String[]> parameters = new ArrayList<>();
		if (!q.isEmpty()) {
			parameters.add(new String[] { "q", q });
		}
		columns.stream()
			.filter(c -> !c.value().isEmpty())
			.forEach(c -> parameters.add(new String[] { COLUMN + c.id(), c.value() }));
		if (!sortColumn.isEmpty()) {
			parameters.add(new String[] { SORT, sortColumn });
			parameters.add(new String[] { DIRECTION, descending ? DESCENDING : "aufsteigend" });
		}
		return parameters;
	}

	public String pageUrl(int number) {
		List<String[]> parameters = parameters();
		parameters.add(new String[] { "seite", String.valueOf(number) });
		return base + query(parameters);
	}

	/** The table page without any filter. */
	public String resetUrl() {
		return base;
	}

	/**
	 * The download of this selection (all pages) in datastore_search's parameters, as the export
	 * reads them; column names quoted in the sort, since they may contain spaces.
	 */
	String exportUrl(String resourcePage, String format, ObjectMapper json) {
		List<String[]> parameters = new ArrayList<>();
		if (!q.isEmpty()) {
			parameters.add(new String[] { "q", q });
		}
		if (!filters().isEmpty()) {
			parameters.add(new String[] { "filters", json.writeValueAsString(filters()) });
		}
		if (!sortColumn.isEmpty()) {
			parameters.add(new String[] { "sort", "\"" + sortColumn + "\" " + (descending ? "desc" : "asc") + ", _id asc" });
		}
		return resourcePage + "/export." + format + query(parameters);
	}

	private static String query(List<String[]> parameters) {
		StringBuilder query = new StringBuilder();
		for (String[] p : parameters) {
			query.append(query.length() == 0 ? '?' : '&')
				.append(URLEncoder.encode(p[0], StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(p[1], StandardCharsets.UTF_8));
		}
		return query.toString();
	}
}
