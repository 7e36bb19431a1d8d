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

export const recordName = (node: LintNode, f: OracleRecordFlags) => `${childText(node, "ID") ?? "?"} "${f.title}"`;
