package de.bochum.portal.opendata.internal;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the SQL check reads statements: as PostgreSQL's lexer does, so nothing hides in quotes or comments. */
class DatastoreSqlTest {

	private static final UUID ID = UUID.fromString("3b6c1c5e-8f3a-4a51-9f42-0d1f5b2f7e10");

	private static DatastoreSql.Refused refused(String sql) {
		try {
			DatastoreSql.check(sql);
		}
		catch (DatastoreSql.Refused refused) {
			return refused;
		}
		throw new AssertionError("not refused: " + sql);
	}

	@Test
	void aResourceIdInDoubleQuotesBecomesItsTable() {
		DatastoreSql.Checked checked = DatastoreSql.check("select \"linie\" from \"" + ID + "\" where x = '\"" + ID + "\"'");
		assertThat(checked.sql()).isEqualTo("select \"linie\" from datastore.\"r_3b6c1c5e_8f3a_4a51_9f42_0d1f5b2f7e10\""
				+ " where x = '\"" + ID + "\"'");
		assertThat(checked.resources()).containsExactly(ID);
	}

	@Test
	void semicolonsAndWritesCountOnlyOutsideTextsAndComments() {
		for (String fine : new String[] { "select ';' as a", "select $$;$$", "select $tag$ ; delete $tag$",
				"select E'\\'; delete from x' as a", "select 1 -- ; delete\n", "select 1 /* /* ; */ delete; */",
				"select \"a;b\" from \"" + ID + "\"", "select a$b$ from t" }) {
			DatastoreSql.check(fine);
		}
		assertThat(refused("select 1 /* comment */ ; select 2").getMessage()).isEqualTo("Query is not a single statement.");
		assertThat(refused("select E'\\\\'; delete from x").getMessage()).isEqualTo("Query is not a single statement.");
		assertThat(refused("select 'it''s'; select 1").getMessage()).isEqualTo("Query is not a single statement.");
		assertThat(refused("select 1 /* /* */ ; select 2").getMessage()).contains("does not end");
		assertThat(refused("select $a$ x $b$").getMessage()).contains("does not end");
		assertThat(refused("update t set a = 1").getMessage()).contains("starts with UPDATE");
		assertThat(refused("(select 1) union (select * from t for share)").getMessage()).contains("FOR");
	}

	@Test
	void onlyReadingFunctionsMayBeCalled() {
		for (String fine : new String[] { "select count(*), sum(a), lower(b) from t group by lower(b)",
				"select cast(a as numeric(10, 2)), a::varchar(3), a::character varying(4) from t",
				"with x(a, b) as (select 1, 2), y as materialized (select 3) select * from x, y",
				"select extract(year from d), substring(s from 2 for 3), trim(both 'x' from s) from t",
				"select row_number() over (partition by a order by b) from t",
				"select percentile_cont(0.5) within group (order by a) from t",
				"select * from t where a in (select b from u) and exists (select 1)",
				"select * from unnest(array[1, 2]) with ordinality as u(v, n)" }) {
			DatastoreSql.check(fine);
		}
		for (String bad : new String[] { "select query_to_xml('select 1', true, true, '')",
				"select QUERY_TO_XML('x', true, true, '')", "select \"query_to_xml\"('x', true, true, '')",
				"select pg_catalog.query_to_xml('x', true, true, '')", "select public.lower('x')",
				"select set_config('role', 'x', false)", "select nextval('s')", "select pg_sleep(1)",
				"select * from t, query_to_xml('x', true, true, '') as (a xml)",
				"select dblink('x', 'y')", "select U&\"\\0071uery_to_xml\"('x', true, true, '')",
				"select 1 operator(pg_catalog.+) 2" }) {
			DatastoreSql.Refused refused = refused(bad);
			assertThat(refused.authorization).as(bad).isTrue();
			assertThat(refused.getMessage()).as(bad).startsWith("Not authorized to call function");
		}
	}
}
