/**
 * A CSL style for Chicago (17th ed.) bibliography entries of newspaper and web articles, written for
 * Parallax: the CSL processor bundled with citation-js ships APA but no Chicago style, and Parallax must
 * work offline. It covers what Parallax exports (article-newspaper items): authors (or, with none, the
 * newspaper first, as Chicago prescribes), the headline in quotes, the newspaper in italics, the full date
 * and the URL. In-text citations are author-date: (Author 2025).
 */
export const CHICAGO_STYLE = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" demote-non-dropping-particle="display-and-sort" default-locale="en-US">
  <info>
    <title>Chicago Manual of Style 17th edition (newspaper articles) - Parallax</title>
    <id>parallax-chicago-newspaper</id>
    <category citation-format="author-date"/>
    <updated>2025-11-22T00:00:00+00:00</updated>
  </info>
  <macro name="author">
    <names variable="author">
      <name name-as-sort-order="first" and="text" sort-separator=", " delimiter=", " delimiter-precedes-last="always"/>
      <substitute>
        <text variable="container-title" font-style="italic"/>
        <text variable="title" quotes="true"/>
      </substitute>
    </names>
  </macro>
  <macro name="author-short">
    <names variable="author">
      <name form="short" and="text" delimiter=", "/>
      <substitute>
        <text variable="container-title" font-style="italic"/>
        <text variable="title" form="short" quotes="true"/>
      </substitute>
    </names>
  </macro>
  <macro name="date-full">
    <choose>
      <if variable="issued">
        <date variable="issued">
          <date-part name="month" form="long" suffix=" "/>
          <date-part name="day" suffix=", "/>
          <date-part name="year"/>
        </date>
      </if>
      <else>
        <text term="no date" form="short"/>
      </else>
    </choose>
  </macro>
  <citation et-al-min="4" et-al-use-first="1" disambiguate-add-year-suffix="true">
    <layout prefix="(" suffix=")" delimiter="; ">
      <group delimiter=" ">
        <text macro="author-short"/>
        <date variable="issued"><date-part name="year"/></date>
      </group>
    </layout>
  </citation>
  <bibliography hanging-indent="true" et-al-min="11" et-al-use-first="7">
    <sort>
      <key macro="author"/>
      <key variable="issued"/>
    </sort>
    <layout suffix=".">
      <group delimiter=". ">
        <text macro="author"/>
        <text variable="title" quotes="true"/>
        <group delimiter=", ">
          <text variable="container-title" font-style="italic"/>
          <text macro="date-full"/>
        </group>
        <text variable="URL"/>
      </group>
    </layout>
  </bibliography>
</style>`;
