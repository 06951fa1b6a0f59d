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
    <name>AgentStatusChart</name>
    <message numerus="yes">
        <source>%1, %2: %n call(s) of %3</source>
        <translation>
            <numerusform>%1, %2: %n call of %3</numerusform>
            <numerusform>%1, %2: %n calls of %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CallsPerDayChart</name>
    <message numerus="yes">
        <source>%1: %n call(s)</source>
        <translation>
            <numerusform>%1: %n call</numerusform>
            <numerusform>%1: %n calls</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n call</numerusform>
            <numerusform>%n calls</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 % of %n call(s) with a status succeeded</source>
        <translation>
            <numerusform>%1 % of %n call with a status succeeded</numerusform>
            <numerusform>%1 % of %n calls with a status succeeded</numerusform>
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
    <name>InterruptionChart</name>
    <message numerus="yes">
        <source>%1: the agent interrupted in %2 of %n evaluated call(s)</source>
        <translation>
            <numerusform>%1: the agent interrupted in %2 of %n evaluated call</numerusform>
            <numerusform>%1: the agent interrupted in %2 of %n evaluated calls</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: the caller interrupted in %2 of %n evaluated call(s)</source>
        <translation>
            <numerusform>%1: the caller interrupted in %2 of %n evaluated call</numerusform>
            <numerusform>%1: the caller interrupted in %2 of %n evaluated calls</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LatencyChart</name>
    <message numerus="yes">
        <source>%1 to %2: %n call(s)</source>
        <translation>
            <numerusform>%1 to %2: %n call</numerusform>
            <numerusform>%1 to %2: %n calls</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) past %1 not shown</source>
        <translation>
            <numerusform>%n call past %1 not shown</numerusform>
            <numerusform>%n calls past %1 not shown</numerusform>
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
        <translation>
            <numerusform>Evaluating %n call…</numerusform>
            <numerusform>Evaluating %n calls…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MetricsPanel</name>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PassRateChart</name>
    <message numerus="yes">
        <source>%1: passed in %n call(s) (%2 %)</source>
        <translation>
            <numerusform>%1: passed in %n call (%2 %)</numerusform>
            <numerusform>%1: passed in %n calls (%2 %)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: failed in %n call(s) (%2 %)</source>
        <translation>
            <numerusform>%1: failed in %n call (%2 %)</numerusform>
            <numerusform>%1: failed in %n calls (%2 %)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordingCacheBox</name>
    <message numerus="yes">
        <source>%1 in %n recording(s)</source>
        <extracomment>&quot;312 MB in 14 recordings&quot;</extracomment>
        <translation>
            <numerusform>%1 in %n recording</numerusform>
            <numerusform>%1 in %n recordings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RedactedExportDialog</name>
    <message numerus="yes">
        <source>the first %n listed call(s)</source>
        <translation>
            <numerusform>the first listed call</numerusform>
            <numerusform>the first %n listed calls</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n span(s) would be removed from %1:</source>
        <translation>
            <numerusform>%n span would be removed from %1:</numerusform>
            <numerusform>%n spans would be removed from %1:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n redacted call(s) to %1.</source>
        <translation>
            <numerusform>Wrote %n redacted call to %1.</numerusform>
            <numerusform>Wrote %n redacted calls to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the %n listed call(s)</source>
        <translation>
            <numerusform>the listed call</numerusform>
            <numerusform>the %n listed calls</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n call(s)&apos; recordings are remote and are left out.</source>
        <translation>
            <numerusform>%n call&apos;s recording is remote and is left out.</numerusform>
            <numerusform>%n calls&apos; recordings are remote and are left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n redacted recording(s) went to %1/.</source>
        <translation>
            <numerusform>%n redacted recording went to %1/.</numerusform>
            <numerusform>%n redacted recordings went to %1/.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RedactionSettingsPage</name>
    <message numerus="yes">
        <source>%n kind(s)</source>
        <translation>
            <numerusform>%n kind</numerusform>
            <numerusform>%n kinds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SuccessRateChart</name>
    <message numerus="yes">
        <source>%1: %2 % of %n call(s) with a status succeeded</source>
        <translation>
            <numerusform>%1: %2 % of %n call with a status succeeded</numerusform>
            <numerusform>%1: %2 % of %n calls with a status succeeded</numerusform>
        </translation>
    </message>
</context>
</TS>
