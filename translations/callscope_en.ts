<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ActiveFilters</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message numerus="yes">
        <source>More filters, %n set</source>
        <translation>
            <numerusform>More filters, %n set</numerusform>
            <numerusform>More filters, %n set</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportRunner</name>
    <message numerus="yes">
        <source>Importing %n file(s) or folder(s)…</source>
        <translation>
            <numerusform>Importing %n file or folder…</numerusform>
            <numerusform>Importing %n files or folders…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n matching call(s)</source>
        <translation>
            <numerusform>%n matching call</numerusform>
            <numerusform>%n matching calls</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n call</numerusform>
            <numerusform>%n calls</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MetricsMenu</name>
    <message numerus="yes">
        <source>Evaluating %n call(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MetricsPanel</name>
    <message numerus="yes">
        <source>%n failed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordingCacheBox</name>
    <message numerus="yes">
        <source>%1 in %n recording(s)</source>
        <extracomment>&quot;312 MB in 14 recordings&quot;</extracomment>
        <translation type="unfinished">
            <numerusform>%1 in %n recording</numerusform>
            <numerusform>%1 in %n recordings</numerusform>
        </translation>
    </message>
</context>
</TS>
