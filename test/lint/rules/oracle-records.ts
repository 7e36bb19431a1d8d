/** AUTH_ORACLE records for the Oracle record rules' tests (shared, not a test file). */
export const record = (o: { system: string; active: string; template: string; tmpl?: boolean }) =>
  `<AUTH_ORACLE_LIST_OUTPUT><RESPONSE><AUTH_ORACLE_LIST>
<AUTH_ORACLE>
  <ID>2237327</ID>
  <TITLE><![CDATA[OracleTemplate]]></TITLE>
  <IS_SYSTEM_CREATED>${o.system}</IS_SYSTEM_CREATED>
  <IS_ACTIVE>${o.active}</IS_ACTIVE>
  <IS_TEMPLATE>${o.template}</IS_TEMPLATE>${o.tmpl ? "\n  <TEMPLATE><ID>2237300</ID><TITLE>Other</TITLE></TEMPLATE>" : ""}
</AUTH_ORACLE>
</AUTH_ORACLE_LIST></RESPONSE></AUTH_ORACLE_LIST_OUTPUT>`;
