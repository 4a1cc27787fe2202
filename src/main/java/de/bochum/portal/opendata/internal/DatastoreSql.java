package de.bochum.portal.opendata.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The first of three locks on {@code datastore_search_sql}: reads the statement as PostgreSQL's
 * lexer would (strings, quoted names, dollar quotes, nested comments) and lets through one
 * SELECT that calls only functions known to read. The other two locks do not depend on this
 * reading being perfect: the statement runs under a database login that may read nothing but
 * the tables of public datasets, in a read-only transaction.
 *
 * <p>As in CKAN, a table is named by its resource id in double quotes; the check replaces such a
 * name with the table's real name in the schema {@code datastore}.
 */
final class DatastoreSql {

	/** Why a statement is refused: CKAN answers a Validation Error (409) or an Authorization Error (403). */
	static final class Refused extends RuntimeException {

		final boolean authorization;

		private Refused(boolean authorization, String message) {
			super(message);
			this.authorization = authorization;
		}

		static Refused invalid(String message) {
			return new Refused(false, message);
		}

		static Refused denied(String message) {
			return new Refused(true, message);
		}
	}

	/** The statement to run, and the resources it names by id. */
	record Checked(String sql, Set<UUID> resources) {
	}

	static final int MAX_LENGTH = 20_000;

	private enum Kind {
		WORD, QUOTED, STRING, NUMBER, PARAMETER, PUNCTUATION, OPERATOR
	}

	/** {@code text}: a word folded to lower case as PostgreSQL folds it, a quoted name unquoted, else as written. */
	private record Token(Kind kind, String text, int start, int end) {

		boolean is(String word) {
			return kind == Kind.WORD && text.equals(word);
		}

		boolean isPunctuation(String p) {
			return kind == Kind.PUNCTUATION && text.equals(p);
		}
	}

	private static final Pattern UUID_NAME = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	/** Words that write, or lock rows, wherever they appear in a statement that starts with SELECT or WITH. */
	private static final Set<String> WRITING = Set.of("insert", "update", "delete", "merge", "truncate", "into");

	/** Words that may stand before an opening parenthesis without being a function call. */
	private static final Set<String> NOT_CALLS = Set.of("select", "from", "where", "and", "or", "not", "in", "exists",
			"any", "all", "some", "values", "as", "over", "filter", "group", "by", "having", "on", "using", "join",
			"lateral", "when", "then", "else", "case", "between", "like", "ilike", "similar", "to", "is", "distinct",
			"union", "intersect", "except", "limit", "offset", "fetch", "array", "row", "partition", "order", "window",
			"rows", "range", "groups", "preceding", "following", "cube", "rollup", "sets", "tablesample", "bernoulli",
			"system", "repeatable", "only", "escape", "asc", "desc", "first", "last", "with", "recursive",
			"materialized", "search", "cycle", "set", "within", "ordinality", "natural", "cross", "inner", "outer",
			"full", "end", "null", "true", "false", "unknown", "interval");

	/** Type names that take a modifier in parentheses, e.g. {@code varchar(20)} or {@code numeric(10, 2)}. */
	private static final Set<String> TYPES = Set.of("varchar", "varying", "char", "character", "numeric", "decimal",
			"dec", "timestamp", "timestamptz", "time", "timetz", "bit", "float");

	/**
	 * Functions that only compute or read what the statement may read anyway: aggregates, window
	 * functions, arithmetic, text, dates, arrays, JSON and full text. Left out on purpose: anything
	 * that runs SQL from a text (query_to_xml, …), changes settings (set_config), touches sequences,
	 * files, large objects, other sessions or the server (pg_*), or waits (pg_sleep).
	 */
	static final Set<String> FUNCTIONS = Set.of(
			// aggregates
			"count", "sum", "avg", "min", "max", "array_agg", "string_agg", "json_agg", "jsonb_agg", "json_object_agg",
			"jsonb_object_agg", "bool_and", "bool_or", "every", "bit_and", "bit_or", "stddev", "stddev_pop",
			"stddev_samp", "variance", "var_pop", "var_samp", "percentile_cont", "percentile_disc", "mode", "corr",
			"covar_pop", "covar_samp", "regr_avgx", "regr_avgy", "regr_count", "regr_intercept", "regr_r2",
			"regr_slope", "regr_sxx", "regr_sxy", "regr_syy", "grouping", "any_value",
			// window functions
			"row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead", "first_value",
			"last_value", "nth_value",
			// conditionals and casts
			"coalesce", "nullif", "greatest", "least", "cast",
			// numbers
			"abs", "ceil", "ceiling", "floor", "round", "trunc", "sign", "sqrt", "cbrt", "power", "pow", "exp", "ln",
			"log", "log10", "mod", "div", "pi", "degrees", "radians", "sin", "cos", "tan", "asin", "acos", "atan",
			"atan2", "sinh", "cosh", "tanh", "width_bucket", "random", "gcd", "lcm", "factorial", "scale",
			"trim_scale", "to_number", "to_char",
			// text
			"length", "char_length", "character_length", "octet_length", "bit_length", "lower", "upper", "initcap",
			"trim", "btrim", "ltrim", "rtrim", "lpad", "rpad", "substr", "substring", "position", "strpos", "overlay",
			"replace", "translate", "concat", "concat_ws", "left", "right", "reverse", "repeat", "split_part",
			"starts_with", "format", "regexp_replace", "regexp_match", "regexp_matches", "regexp_split_to_array",
			"regexp_split_to_table", "regexp_count", "regexp_like", "regexp_instr", "regexp_substr", "md5",
			"string_to_array", "string_to_table", "array_to_string", "ascii", "chr", "quote_literal", "quote_ident",
			"quote_nullable", "normalize", "unistr", "to_hex", "encode", "decode",
			// dates and times
			"now", "date_trunc", "date_part", "extract", "age", "make_date", "make_time", "make_timestamp",
			"make_interval", "justify_days", "justify_hours", "justify_interval", "isfinite", "to_date",
			"to_timestamp", "date_bin", "timezone", "clock_timestamp", "statement_timestamp",
			"transaction_timestamp",
			// arrays and sets
			"array_length", "array_lower", "array_upper", "array_ndims", "array_dims", "cardinality", "unnest",
			"array_position", "array_positions", "array_remove", "array_replace", "array_append", "array_prepend",
			"array_cat", "array_fill", "generate_series", "generate_subscripts",
			// JSON
			"json_build_object", "jsonb_build_object", "json_build_array", "jsonb_build_array", "to_json", "to_jsonb",
			"row_to_json", "array_to_json", "json_object", "jsonb_object", "json_array_length", "jsonb_array_length",
			"json_extract_path", "jsonb_extract_path", "json_extract_path_text", "jsonb_extract_path_text",
			"json_typeof", "jsonb_typeof", "jsonb_pretty", "json_array_elements", "jsonb_array_elements",
			"json_array_elements_text", "jsonb_array_elements_text", "json_each", "jsonb_each", "json_each_text",
			"jsonb_each_text", "json_object_keys", "jsonb_object_keys", "jsonb_path_query", "jsonb_path_exists",
			"jsonb_strip_nulls", "json_strip_nulls", "jsonb_set", "jsonb_insert",
			// full text
			"to_tsvector", "to_tsquery", "plainto_tsquery", "phraseto_tsquery", "websearch_to_tsquery", "ts_rank",
			"ts_rank_cd", "ts_headline", "setweight", "numnode");

	private DatastoreSql() {
	}

	static Checked check(String sql) {
		if (sql == null || sql.isBlank()) {
			throw Refused.invalid("Missing value: sql");
		}
		if (sql.length() > MAX_LENGTH) {
			throw Refused.invalid("The query is longer than " + MAX_LENGTH + " characters");
		}
		List<Token> tokens = tokens(sql);
		if (tokens.stream().anyMatch(t -> t.isPunctuation(";"))) {
			throw Refused.invalid("Query is not a single statement.");
		}
		Token first = tokens.stream().filter(t -> !t.isPunctuation("(")).findFirst().orElse(null);
		if (first == null || !(first.is("select") || first.is("with"))) {
			throw Refused.invalid("Only a SELECT statement may be run; this one starts with "
					+ (first == null ? "nothing" : quote(sql, first)));
		}
		for (int i = 0; i < tokens.size(); i++) {
			Token t = tokens.get(i);
			if (t.kind == Kind.WORD && (WRITING.contains(t.text) || t.is("for") && i + 1 < tokens.size()
					&& Set.of("share", "key", "no").contains(tokens.get(i + 1).text))) {
				throw Refused.invalid("Only reading is allowed: the query contains " + t.text.toUpperCase(Locale.ROOT));
			}
		}
		checkCalls(tokens);
		return rewrite(sql, tokens);
	}

	private static String quote(String sql, Token t) {
		return sql.substring(t.start, t.end).toUpperCase(Locale.ROOT);
	}

	/** Every name followed by an opening parenthesis is a call unless the grammar says otherwise. */
	private static void checkCalls(List<Token> tokens) {
		Set<Integer> columnLists = cteColumnLists(tokens);
		for (int i = 0; i + 1 < tokens.size(); i++) {
			Token name = tokens.get(i);
			if (!tokens.get(i + 1).isPunctuation("(") || !(name.kind == Kind.WORD || name.kind == Kind.QUOTED)
					|| columnLists.contains(i)) {
				continue;
			}
			Token before = i > 0 ? tokens.get(i - 1) : null;
			if (name.kind == Kind.WORD && (NOT_CALLS.contains(name.text) || TYPES.contains(name.text))) {
				continue;
			}
			if (before != null && (before.isPunctuation("::") || before.is("as"))) {
				// a type with its modifier (x::varchar(3), cast(x as numeric(5, 1))) or an alias's column names
				continue;
			}
			String function = name.text;
			if (before != null && before.isPunctuation(".")) {
				Token schema = i > 1 ? tokens.get(i - 2) : null;
				if (schema == null || !schema.text.equals("pg_catalog")) {
					throw Refused.denied("Not authorized to call function "
							+ (schema == null ? "" : schema.text + ".") + function);
				}
			}
			if (!FUNCTIONS.contains(function)) {
				throw Refused.denied("Not authorized to call function " + function
						+ " (only functions that read are allowed, e.g. count, sum, lower, date_trunc)");
			}
		}
	}

	/**
	 * Positions of the names in {@code WITH name (a, b) AS (…)}: a query's own column list, which
	 * looks like a call but is none. Found by following the WITH list as the grammar builds it.
	 */
	private static Set<Integer> cteColumnLists(List<Token> tokens) {
		Set<Integer> found = new HashSet<>();
		for (int i = 0; i < tokens.size(); i++) {
			if (!tokens.get(i).is("with")) {
				continue;
			}
			int j = i + 1;
			if (j < tokens.size() && tokens.get(j).is("recursive")) {
				j++;
			}
			while (j + 1 < tokens.size()) {
				int name = j;
				j++;
				if (tokens.get(j).isPunctuation("(")) {
					int close = closing(tokens, j);
					if (close < 0) {
						break;
					}
					found.add(name);
					j = close + 1;
				}
				if (j >= tokens.size() || !tokens.get(j).is("as")) {
					break;
				}
				j++;
				while (j < tokens.size() && (tokens.get(j).is("not") || tokens.get(j).is("materialized"))) {
					j++;
				}
				if (j >= tokens.size() || !tokens.get(j).isPunctuation("(")) {
					break;
				}
				int close = closing(tokens, j);
				if (close < 0 || close + 1 >= tokens.size() || !tokens.get(close + 1).isPunctuation(",")) {
					break;
				}
				j = close + 2;
			}
		}
		return found;
	}

	private static int closing(List<Token> tokens, int open) {
		int depth = 0;
		for (int k = open; k < tokens.size(); k++) {
			if (tokens.get(k).isPunctuation("(")) {
				depth++;
			}
			else if (tokens.get(k).isPunctuation(")") && --depth == 0) {
				return k;
			}
		}
		return -1;
	}

	/** Replaces {@code "<resource id>"} with the resource's table in the schema datastore. */
	private static Checked rewrite(String sql, List<Token> tokens) {
		StringBuilder out = new StringBuilder(sql.length() + 64);
		Set<UUID> resources = new LinkedHashSet<>();
		int copied = 0;
		for (Token t : tokens) {
			if (t.kind == Kind.QUOTED && UUID_NAME.matcher(t.text).matches()) {
				UUID id = UUID.fromString(t.text);
				resources.add(id);
				out.append(sql, copied, t.start).append(Datastore.SCHEMA).append(".\"").append(Datastore.tableName(id))
					.append('"');
				copied = t.end;
			}
		}
		out.append(sql, copied, sql.length());
		return new Checked(out.toString(), resources);
	}

	private static List<Token> tokens(String sql) {
		List<Token> tokens = new ArrayList<>();
		int n = sql.length();
		int i = 0;
		while (i < n) {
			char c = sql.charAt(i);
			char next = i + 1 < n ? sql.charAt(i + 1) : '\0';
			if (Character.isWhitespace(c)) {
				i++;
			}
			else if (c == '-' && next == '-') {
				while (i < n && sql.charAt(i) != '\n' && sql.charAt(i) != '\r') {
					i++;
				}
			}
			else if (c == '/' && next == '*') {
				i = commentEnd(sql, i);
			}
			else if (c == '\'') {
				int end = closingQuote(sql, i + 1, '\'', false);
				tokens.add(new Token(Kind.STRING, sql.substring(i, end), i, end));
				i = end;
			}
			else if ((c == 'E' || c == 'e') && next == '\'') {
				int end = closingQuote(sql, i + 2, '\'', true);
				tokens.add(new Token(Kind.STRING, sql.substring(i, end), i, end));
				i = end;
			}
			else if ((c == 'B' || c == 'b' || c == 'X' || c == 'x' || c == 'N' || c == 'n') && next == '\'') {
				int end = closingQuote(sql, i + 2, '\'', false);
				tokens.add(new Token(Kind.STRING, sql.substring(i, end), i, end));
				i = end;
			}
			else if ((c == 'U' || c == 'u') && next == '&' && i + 2 < n && sql.charAt(i + 2) == '\'') {
				int end = closingQuote(sql, i + 3, '\'', false);
				tokens.add(new Token(Kind.STRING, sql.substring(i, end), i, end));
				i = end;
			}
			else if ((c == 'U' || c == 'u') && next == '&' && i + 2 < n && sql.charAt(i + 2) == '"') {
				// Unicode escapes could spell any name: kept escaped, so it matches no allowed function.
				int end = closingQuote(sql, i + 3, '"', false);
				tokens.add(new Token(Kind.QUOTED, sql.substring(i, end), i, end));
				i = end;
			}
			else if (c == '"') {
				int end = closingQuote(sql, i + 1, '"', false);
				tokens.add(new Token(Kind.QUOTED, sql.substring(i + 1, end - 1).replace("\"\"", "\""), i, end));
				i = end;
			}
			else if (c == '$' && Character.isDigit(next)) {
				int end = i + 1;
				while (end < n && Character.isDigit(sql.charAt(end))) {
					end++;
				}
				tokens.add(new Token(Kind.PARAMETER, sql.substring(i, end), i, end));
				i = end;
			}
			else if (c == '$') {
				int end = dollarQuoteEnd(sql, i);
				tokens.add(new Token(Kind.STRING, sql.substring(i, end), i, end));
				i = end;
			}
			else if (Character.isLetter(c) || c == '_' || c >= 0x80) {
				int end = i + 1;
				while (end < n && isIdentifierPart(sql.charAt(end))) {
					end++;
				}
				tokens.add(new Token(Kind.WORD, foldAscii(sql.substring(i, end)), i, end));
				i = end;
			}
			else if (Character.isDigit(c) || c == '.' && Character.isDigit(next)) {
				int end = i + 1;
				while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
						|| sql.charAt(end) == '.'
						|| (sql.charAt(end) == '+' || sql.charAt(end) == '-')
								&& (sql.charAt(end - 1) == 'e' || sql.charAt(end - 1) == 'E'))) {
					end++;
				}
				tokens.add(new Token(Kind.NUMBER, sql.substring(i, end), i, end));
				i = end;
			}
			else if (c == ':' && next == ':') {
				tokens.add(new Token(Kind.PUNCTUATION, "::", i, i + 2));
				i += 2;
			}
			else if ("()[],;:.".indexOf(c) >= 0) {
				tokens.add(new Token(Kind.PUNCTUATION, String.valueOf(c), i, i + 1));
				i++;
			}
			else if ("+-*/<>=~!@#%^&|`?".indexOf(c) >= 0) {
				int end = i + 1;
				while (end < n && "+-*/<>=~!@#%^&|`?".indexOf(sql.charAt(end)) >= 0
						&& !sql.startsWith("--", end) && !sql.startsWith("/*", end)) {
					end++;
				}
				tokens.add(new Token(Kind.OPERATOR, sql.substring(i, end), i, end));
				i = end;
			}
			else {
				throw Refused.invalid("Cannot read the query: unexpected character '" + c + "' at position " + (i + 1));
			}
		}
		return tokens;
	}

	private static boolean isIdentifierPart(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c >= 0x80;
	}

	/** PostgreSQL folds unquoted names to lower case in ASCII only. */
	private static String foldAscii(String word) {
		StringBuilder folded = new StringBuilder(word.length());
		for (int i = 0; i < word.length(); i++) {
			char c = word.charAt(i);
			folded.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
		}
		return folded.toString();
	}

	/** Comments nest in PostgreSQL: {@code /* a /* b *\/ still a comment *\/}. */
	private static int commentEnd(String sql, int start) {
		int depth = 0;
		int i = start;
		while (i + 1 < sql.length()) {
			if (sql.startsWith("/*", i)) {
				depth++;
				i += 2;
			}
			else if (sql.startsWith("*/", i)) {
				depth--;
				i += 2;
				if (depth == 0) {
					return i;
				}
			}
			else {
				i++;
			}
		}
		throw Refused.invalid("Cannot read the query: a comment that starts at position " + (start + 1) + " does not end");
	}

	/**
	 * After the opening quote ({@code '} or {@code "}); a doubled quote stands for one, and in E'…' a
	 * backslash escapes the next character.
	 */
	private static int closingQuote(String sql, int from, char quote, boolean backslashEscapes) {
		int i = from;
		while (i < sql.length()) {
			char c = sql.charAt(i);
			if (backslashEscapes && c == '\\') {
				i += 2;
			}
			else if (c == quote) {
				if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
					i += 2;
				}
				else {
					return i + 1;
				}
			}
			else {
				i++;
			}
		}
		throw Refused.invalid("Cannot read the query: " + (quote == '"' ? "a name in double quotes" : "a text in quotes")
				+ " that starts at position " + from + " does not end");
	}

	/** {@code $tag$ … $tag$}; a lone {@code $} is not valid SQL outside a name. */
	private static int dollarQuoteEnd(String sql, int start) {
		int i = start + 1;
		while (i < sql.length() && sql.charAt(i) != '$') {
			char c = sql.charAt(i);
			if (!(Character.isLetter(c) || c == '_' || c >= 0x80 || i > start + 1 && Character.isDigit(c))) {
				throw Refused.invalid("Cannot read the query: unexpected character '$' at position " + (start + 1));
			}
			i++;
		}
		if (i >= sql.length()) {
			throw Refused.invalid("Cannot read the query: unexpected character '$' at position " + (start + 1));
		}
		String tag = sql.substring(start, i + 1);
		int close = sql.indexOf(tag, i + 1);
		if (close < 0) {
			throw Refused.invalid("Cannot read the query: a text in " + tag + " quotes that starts at position "
					+ (start + 1) + " does not end");
		}
		return close + tag.length();
	}
}
