import { describe, expect, it } from "vitest";
import { codes, parse } from "./helpers.js";

describe("parseDtdText smoke", () => {
  it("reads a small DTD", () => {
    const doc = parse(`<!-- the root -->
<!ELEMENT a (b, (c | d)*, e?)+>
<!ELEMENT b (#PCDATA)>
<!ELEMENT c (#PCDATA | b)*>
<!ELEMENT d EMPTY>
<!ATTLIST a id ID #REQUIRED kind (x | y) "x" f CDATA #FIXED "1">
<!ENTITY % p "INCLUDE">
<![%p;[ <!ELEMENT e ANY> ]]>
<![ IGNORE [ <!ELEMENT z ANY> <![ nested [ ]]> ]]>
<!ENTITY g "G &#65;">
<!NOTATION n SYSTEM "n">
`);
    expect(codes(doc)).toEqual([]);
    expect([...doc.elements.keys()]).toEqual(["a", "b", "c", "d", "e"]);
    expect(doc.elements.get("a")!.comment).toBe("the root");
    expect(doc.generalEntities.get("g")!.value).toBe("G A");
    expect(doc.attlists.get("a")!.map((a) => a.name)).toEqual(["id", "kind", "f"]);
  });
});
