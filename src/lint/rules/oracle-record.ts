/** Reading an AUTH_ORACLE record's flags, shared by the Oracle record rules. */
import { child, childText, type LintNode } from "../types.js";

export interface OracleRecordFlags {
  isTemplate: boolean;
  isSystemCreated: boolean;
  isActive: string | undefined;
  template: LintNode | undefined;
  title: string;
}

export function oracleRecordFlags(node: LintNode): OracleRecordFlags {
  return {
    isTemplate: childText(node, "IS_TEMPLATE") === "1",
    isSystemCreated: childText(node, "IS_SYSTEM_CREATED") === "1",
    isActive: childText(node, "IS_ACTIVE"),
    template: child(node, "TEMPLATE"),
    title: childText(node, "TITLE") ?? "",
  };
}

/** The record as a message names it: its ID and "TITLE", the parts it has (a half-edited record may lack either). */
export function recordName(node: LintNode, f: OracleRecordFlags): string {
  const id = childText(node, "ID") ?? "";
  const parts = [id, f.title === "" ? "" : `"${f.title}"`].filter((p) => p !== "");
  return parts.length > 0 ? parts.join(" ") : "(no ID or TITLE)";
}
