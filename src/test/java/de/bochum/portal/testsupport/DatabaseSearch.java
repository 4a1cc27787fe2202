package de.bochum.portal.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Looks through the whole database for a text, to prove that an erasure left no trace. */
public final class DatabaseSearch {

	private DatabaseSearch() {
	}

	/** Every text column of every table that contains the text (case-insensitive), as "table.column". */
	public static List<String> rowsMentioning(JdbcClient jdbc, String text) {
		List<String> hits = new ArrayList<>();
		List<Map<String, Object>> columns = jdbc.sql("""
				select table_name, column_name from information_schema.columns
				where table_schema = 'public' and data_type in ('text', 'character varying', 'jsonb', 'json')""")
			.query()
			.listOfRows();
		for (Map<String, Object> column : columns) {
			String table = (String) column.get("table_name");
			String name = (String) column.get("column_name");
			long count = jdbc.sql("select count(*) from \"" + table + "\" where \"" + name + "\"::text ilike ?")
				.param("%" + text + "%")
				.query(Long.class)
				.single();
			if (count > 0) {
				hits.add(table + "." + name);
			}
		}
		return hits;
	}
}
