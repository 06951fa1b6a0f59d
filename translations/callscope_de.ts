<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ActiveFilters</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 und %n weiterer</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>text contains “%1”</source>
        <translation>Text enthält „%1“</translation>
    </message>
    <message>
        <source>status is %1</source>
        <translation>Status ist %1</translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>geprüft</translation>
    </message>
    <message>
        <source>not reviewed</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <source>agent is %1</source>
        <translation>Agent ist %1</translation>
    </message>
    <message>
        <source>ended reason is %1</source>
        <translation>Beendigungsgrund ist %1</translation>
    </message>
    <message>
        <source>date %1 – %2</source>
        <translation>Datum %1 – %2</translation>
    </message>
    <message>
        <source>date from %1</source>
        <translation>Datum ab %1</translation>
    </message>
    <message>
        <source>date until %1</source>
        <translation>Datum bis %1</translation>
    </message>
    <message>
        <source>duration %1 – %2</source>
        <translation>Dauer %1 – %2</translation>
    </message>
    <message>
        <source>duration at least %1</source>
        <translation>Dauer mindestens %1</translation>
    </message>
    <message>
        <source>duration at most %1</source>
        <translation>Dauer höchstens %1</translation>
    </message>
    <message>
        <source>has a recording</source>
        <translation>mit Aufnahme</translation>
    </message>
    <message>
        <source>no recording</source>
        <translation>ohne Aufnahme</translation>
    </message>
    <message>
        <source>success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>failure</source>
        <translation>Fehlschlag</translation>
    </message>
    <message>
        <source>reviewed success</source>
        <translation>geprüft: Erfolg</translation>
    </message>
    <message>
        <source>reviewed failure</source>
        <translation>geprüft: Fehlschlag</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>has labels</source>
        <translation>hat Labels</translation>
    </message>
    <message>
        <source>no labels</source>
        <translation>ohne Labels</translation>
    </message>
    <message>
        <source>has failed metrics</source>
        <translation>hat fehlgeschlagene Metriken</translation>
    </message>
    <message>
        <source>no failed metrics</source>
        <translation>ohne fehlgeschlagene Metriken</translation>
    </message>
    <message>
        <source>%1 passed</source>
        <translation>%1 bestanden</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 nicht bestanden</translation>
    </message>
    <message>
        <source>%1 from %2 to under %3</source>
        <translation>%1 von %2 bis unter %3</translation>
    </message>
    <message>
        <source>%1 at least %2</source>
        <translation>%1 mindestens %2</translation>
    </message>
    <message>
        <source>%1 under %2</source>
        <translation>%1 unter %2</translation>
    </message>
    <message>
        <source>%1 evaluated</source>
        <translation>%1 ausgewertet</translation>
    </message>
</context>
<context>
    <name>AgentList</name>
    <message>
        <source>Agent %1</source>
        <translation>Agent %1</translation>
    </message>
</context>
<context>
    <name>AgentRedactionDialog</name>
    <message>
        <source>Default Redaction of %1</source>
        <translation>Standard-Schwärzung für %1</translation>
    </message>
    <message>
        <source>The ticked kinds are removed from the transcript and the recording of %1&apos;s calls whose body names no redact_fields. Select None to turn the default off.</source>
        <translation>Die angekreuzten Arten werden aus Transkript und Aufnahme der Anrufe von %1 entfernt, deren Body keine redact_fields nennt. „Keine auswählen“ schaltet die Standard-Schwärzung aus.</translation>
    </message>
</context>
<context>
    <name>AgentStatusChart</name>
    <message>
        <source>Status by agent</source>
        <translation>Status je Agent</translation>
    </message>
    <message>
        <source>calls</source>
        <translation>Anrufe</translation>
    </message>
    <message>
        <source>no status</source>
        <translation>kein Status</translation>
    </message>
    <message>
        <source>Other agents</source>
        <translation>Weitere Agenten</translation>
    </message>
    <message numerus="yes">
        <source>%1, %2: %n call(s) of %3</source>
        <translation>
            <numerusform>%1, %2: %n Anruf von %3</numerusform>
            <numerusform>%1, %2: %n Anrufe von %3</numerusform>
        </translation>
    </message>
    <message>
        <source>Agent %1</source>
        <translation>Agent %1</translation>
    </message>
</context>
<context>
    <name>AudioDecoder</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>cannot be opened (%1)</source>
        <translation>kann nicht geöffnet werden (%1)</translation>
    </message>
    <message>
        <source>is not a readable media file (%1)</source>
        <translation>ist keine lesbare Mediendatei (%1)</translation>
    </message>
    <message>
        <source>has no audio stream</source>
        <translation>enthält keine Tonspur</translation>
    </message>
    <message>
        <source>its audio cannot be decoded (%1)</source>
        <translation>die Tonspur kann nicht dekodiert werden (%1)</translation>
    </message>
    <message>
        <source>its audio has no channels or no sample rate</source>
        <translation>die Tonspur hat keine Kanäle oder keine Abtastrate</translation>
    </message>
    <message>
        <source>its samples cannot be converted</source>
        <translation>die Samples können nicht umgewandelt werden</translation>
    </message>
</context>
<context>
    <name>AudioRedactor</name>
    <message>
        <source>The recording %1 does not exist.</source>
        <translation>Die Aufnahme %1 existiert nicht.</translation>
    </message>
    <message>
        <source>The redacted recording %1 cannot be written: %2.</source>
        <translation>Die geschwärzte Aufnahme %1 kann nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>The redacted recording %1 cannot be completed.</source>
        <translation>Die geschwärzte Aufnahme %1 kann nicht fertiggestellt werden.</translation>
    </message>
    <message>
        <source>The recording %1 holds no audio to redact.</source>
        <translation>Die Aufnahme %1 enthält keinen Ton zum Schwärzen.</translation>
    </message>
    <message>
        <source>The redacted recording %1 cannot be saved: %2.</source>
        <translation>Die geschwärzte Aufnahme %1 kann nicht gespeichert werden: %2.</translation>
    </message>
    <message>
        <source>The redacted recording was saved as %1, but the unredacted original %2 cannot be removed.</source>
        <translation>Die geschwärzte Aufnahme wurde als %1 gespeichert, aber das ungeschwärzte Original %2 kann nicht entfernt werden.</translation>
    </message>
</context>
<context>
    <name>CallDetailPane</name>
    <message>
        <source>This call has no transcript.</source>
        <translation>Dieser Anruf hat kein Transkript.</translation>
    </message>
    <message>
        <source>This call has no transcript (%1).</source>
        <translation>Dieser Anruf hat kein Transkript (%1).</translation>
    </message>
    <message>
        <source>Downloading the recording from %1…</source>
        <translation>Die Aufnahme wird von %1 heruntergeladen…</translation>
    </message>
    <message>
        <source>Downloading the recording…</source>
        <translation>Die Aufnahme wird heruntergeladen…</translation>
    </message>
    <message>
        <source>Downloading the recording from %1… %2 %</source>
        <translation>Die Aufnahme wird von %1 heruntergeladen… %2 %</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Anrufer</translation>
    </message>
    <message>
        <source>Turn %1</source>
        <translation>Beitrag %1</translation>
    </message>
    <message>
        <source>labels of %1 turn %2 → %3</source>
        <translation>Labels von %1 Beitrag %2 → %3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>CallHeader</name>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ended reason</source>
        <translation>Beendigungsgrund</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Agent %1</source>
        <translation>Agent %1</translation>
    </message>
    <message>
        <source>%1 (agent %2)</source>
        <translation>%1 (Agent %2)</translation>
    </message>
    <message>
        <source>Redacted: %1</source>
        <translation>Geschwärzt: %1</translation>
    </message>
</context>
<context>
    <name>CallKeyBindings</name>
    <message>
        <source>Play or pause</source>
        <translation>Abspielen oder anhalten</translation>
    </message>
    <message>
        <source>Back 5 seconds</source>
        <translation>5 Sekunden zurück</translation>
    </message>
    <message>
        <source>Forward 5 seconds</source>
        <translation>5 Sekunden vor</translation>
    </message>
    <message>
        <source>Back 1 second</source>
        <translation>1 Sekunde zurück</translation>
    </message>
    <message>
        <source>Forward 1 second</source>
        <translation>1 Sekunde vor</translation>
    </message>
    <message>
        <source>Slower (0.1× less)</source>
        <translation>Langsamer (0,1× weniger)</translation>
    </message>
    <message>
        <source>Faster (0.1× more)</source>
        <translation>Schneller (0,1× mehr)</translation>
    </message>
    <message>
        <source>Normal speed</source>
        <translation>Normale Geschwindigkeit</translation>
    </message>
    <message>
        <source>Play the selected turn, then pause</source>
        <translation>Den gewählten Redebeitrag abspielen, dann anhalten</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Zoom the waveform in</source>
        <translation>Wellenform vergrößern</translation>
    </message>
    <message>
        <source>Zoom the waveform out</source>
        <translation>Wellenform verkleinern</translation>
    </message>
    <message>
        <source>Find in this call</source>
        <translation>In diesem Anruf suchen</translation>
    </message>
    <message>
        <source>Status: success</source>
        <translation>Status: success</translation>
    </message>
    <message>
        <source>Status: failure</source>
        <translation>Status: failure</translation>
    </message>
    <message>
        <source>Status: reviewed_success</source>
        <translation>Status: reviewed_success</translation>
    </message>
    <message>
        <source>Status: reviewed_failure</source>
        <translation>Status: reviewed_failure</translation>
    </message>
    <message>
        <source>Write feedback (Esc returns to the list)</source>
        <translation>Feedback schreiben (Esc kehrt zur Liste zurück)</translation>
    </message>
    <message>
        <source>Label the selected turn</source>
        <translation>Gewählten Beitrag labeln</translation>
    </message>
    <message>
        <source>Choose the turn with ↑ and ↓, then press T again</source>
        <translation>Beitrag mit ↑ und ↓ wählen, dann erneut T drücken</translation>
    </message>
    <message>
        <source>Next unreviewed call</source>
        <translation>Nächster ungeprüfter Anruf</translation>
    </message>
    <message>
        <source>Previous unreviewed call</source>
        <translation>Vorheriger ungeprüfter Anruf</translation>
    </message>
    <message>
        <source>Show these shortcuts</source>
        <translation>Diese Tastenkürzel zeigen</translation>
    </message>
</context>
<context>
    <name>CallListModel</name>
    <message>
        <source>Not evaluated</source>
        <translation>Nicht bewertet</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>Fehlschlag</translation>
    </message>
    <message>
        <source>Reviewed success</source>
        <translation>Geprüft: Erfolg</translation>
    </message>
    <message>
        <source>Reviewed failure</source>
        <translation>Geprüft: Fehlschlag</translation>
    </message>
    <message>
        <source>Agent %1</source>
        <translation>Agent %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Call ID</source>
        <translation>Anruf-ID</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ended reason</source>
        <translation>Beendigungsgrund</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Failed metrics</source>
        <translation>Fehlgeschlagene Metriken</translation>
    </message>
    <message>
        <source>To transcribe</source>
        <translation>Zu transkribieren</translation>
    </message>
    <message>
        <source>Transcribing %1 %</source>
        <translation>Wird transkribiert: %1 %</translation>
    </message>
    <message>
        <source>No transcript</source>
        <translation>Kein Transkript</translation>
    </message>
</context>
<context>
    <name>CallTranscription</name>
    <message>
        <source>No speech was recognised in the recording.</source>
        <translation>In der Aufnahme wurde keine Sprache erkannt.</translation>
    </message>
    <message>
        <source>The recording %1 holds no audio.</source>
        <translation>Die Aufnahme %1 enthält keinen Ton.</translation>
    </message>
</context>
<context>
    <name>CallsPerDayChart</name>
    <message>
        <source>Calls per day</source>
        <translation>Anrufe pro Tag</translation>
    </message>
    <message>
        <source>calls</source>
        <translation>Anrufe</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n call(s)</source>
        <translation>
            <numerusform>%1: %n Anruf</numerusform>
            <numerusform>%1: %n Anrufe</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChannelSolo</name>
    <message>
        <source>The recording %1 cannot be read.</source>
        <translation>Die Aufnahme %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The cache folder %1 cannot be created.</source>
        <translation>Der Cache-Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The recording %1 has no channel %2.</source>
        <translation>Die Aufnahme %1 hat keinen Kanal %2.</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1 cannot be written.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>CountedPicker</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>DashboardChart</name>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>%1 exportieren</translation>
    </message>
    <message>
        <source>Chart as PNG…</source>
        <translation>Diagramm als PNG…</translation>
    </message>
    <message>
        <source>Data as CSV…</source>
        <translation>Daten als CSV…</translation>
    </message>
    <message>
        <source>No calls</source>
        <translation>Keine Anrufe</translation>
    </message>
    <message>
        <source>Could not be read: %1</source>
        <translation>Konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Wird gelesen…</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>Wird aktualisiert…</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>Daten exportieren</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
</context>
<context>
    <name>DashboardLoader</name>
    <message>
        <source>could not be read</source>
        <translation>konnte nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Reading the calls…</source>
        <translation>Die Anrufe werden gelesen…</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n Anruf</numerusform>
            <numerusform>%n Anrufe</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 % of %n call(s) with a status succeeded</source>
        <translation>
            <numerusform>%1 % von %n Anruf mit Status erfolgreich</numerusform>
            <numerusform>%1 % von %n Anrufen mit Status erfolgreich</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DesktopApp</name>
    <message>
        <source>Callscope</source>
        <translation>Callscope</translation>
    </message>
    <message>
        <source>Cannot open the database %1:
%2</source>
        <translation>Die Datenbank %1 kann nicht geöffnet werden:
%2</translation>
    </message>
    <message>
        <source>Listener</source>
        <translation>Listener</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Search transcripts</source>
        <translation>Transkripte durchsuchen</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>Fehlschlag</translation>
    </message>
    <message>
        <source>Reviewed success</source>
        <translation>Geprüft: Erfolg</translation>
    </message>
    <message>
        <source>Reviewed failure</source>
        <translation>Geprüft: Fehlschlag</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <source>Reviewed or not</source>
        <translation>Geprüft oder nicht</translation>
    </message>
    <message>
        <source>Unreviewed</source>
        <translation>Ungeprüft</translation>
    </message>
    <message>
        <source>Agents: %1</source>
        <translation>Agenten: %1</translation>
    </message>
    <message>
        <source>Find agent</source>
        <translation>Agent suchen</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agenten</translation>
    </message>
    <message>
        <source>Ended reason</source>
        <translation>Beendigungsgrund</translation>
    </message>
    <message>
        <source>Ended reasons: %1</source>
        <translation>Beendigungsgründe: %1</translation>
    </message>
    <message>
        <source>Find ended reason</source>
        <translation>Beendigungsgrund suchen</translation>
    </message>
    <message>
        <source>Ended reasons</source>
        <translation>Beendigungsgründe</translation>
    </message>
    <message>
        <source>More filters (%1)</source>
        <translation>Weitere Filter (%1)</translation>
    </message>
    <message>
        <source>More filters</source>
        <translation>Weitere Filter</translation>
    </message>
    <message numerus="yes">
        <source>More filters, %n set</source>
        <translation>
            <numerusform>Weitere Filter, %n gesetzt</numerusform>
            <numerusform>Weitere Filter, %n gesetzt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilterChip</name>
    <message>
        <source>Filter: %1, remove</source>
        <translation>Filter: %1, entfernen</translation>
    </message>
    <message>
        <source>Remove this filter (Delete)</source>
        <translation>Diesen Filter entfernen (Entf)</translation>
    </message>
</context>
<context>
    <name>FilterChipRow</name>
    <message>
        <source>Active filters</source>
        <translation>Aktive Filter</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>Alle entfernen</translation>
    </message>
    <message>
        <source>Clear all filters</source>
        <translation>Alle Filter entfernen</translation>
    </message>
</context>
<context>
    <name>GeneralSettingsPage</name>
    <message>
        <source>Database file</source>
        <translation>Datenbankdatei</translation>
    </message>
    <message>
        <source>Empty: the default database</source>
        <translation>Leer: die Standarddatenbank</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose the database file</source>
        <translation>Datenbankdatei wählen</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>Colour scheme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Datenbank:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>Colours:</source>
        <translation>Farben:</translation>
    </message>
    <message>
        <source>A new database or language takes effect the next time Callscope starts. `callscope --db FILE` opens another database once.</source>
        <translation>Eine neue Datenbank oder Sprache gilt ab dem nächsten Start von Callscope. `callscope --db DATEI` öffnet einmalig eine andere Datenbank.</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Callscope databases (*.db);;All files (*)</source>
        <translation>Callscope-Datenbanken (*.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Database in use</source>
        <translation>Verwendete Datenbank</translation>
    </message>
    <message>
        <source>In use now:</source>
        <translation>Jetzt in Gebrauch:</translation>
    </message>
</context>
<context>
    <name>ImportRunner</name>
    <message numerus="yes">
        <source>Importing %n file(s) or folder(s)…</source>
        <translation>
            <numerusform>Importiere %n Datei oder Ordner…</numerusform>
            <numerusform>Importiere %n Dateien oder Ordner…</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported %1, updated %2, unchanged %3, rejected %4.</source>
        <translation>Importiert %1, aktualisiert %2, unverändert %3, abgelehnt %4.</translation>
    </message>
    <message>
        <source>… and %1 more.</source>
        <translation>… und %1 weitere.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>These records were skipped; everything else was imported.</source>
        <translation>Diese Datensätze wurden übersprungen; alles andere wurde importiert.</translation>
    </message>
</context>
<context>
    <name>InterruptionChart</name>
    <message>
        <source>Interruption rate</source>
        <translation>Unterbrechungsrate</translation>
    </message>
    <message>
        <source>agent interrupts</source>
        <translation>Agent unterbricht</translation>
    </message>
    <message>
        <source>caller interrupts</source>
        <translation>Anrufer unterbricht</translation>
    </message>
    <message>
        <source>% of calls</source>
        <translation>% der Anrufe</translation>
    </message>
    <message numerus="yes">
        <source>%1: the agent interrupted in %2 of %n evaluated call(s)</source>
        <translation>
            <numerusform>%1: der Agent unterbrach in %2 von %n ausgewerteten Anruf</numerusform>
            <numerusform>%1: der Agent unterbrach in %2 von %n ausgewerteten Anrufen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: the caller interrupted in %2 of %n evaluated call(s)</source>
        <translation>
            <numerusform>%1: der Anrufer unterbrach in %2 von %n ausgewerteten Anruf</numerusform>
            <numerusform>%1: der Anrufer unterbrach in %2 von %n ausgewerteten Anrufen</numerusform>
        </translation>
    </message>
    <message>
        <source>No call has interruption results yet</source>
        <translation>Noch kein Anruf hat Ergebnisse zu Unterbrechungen</translation>
    </message>
</context>
<context>
    <name>JudgeSettingsPage</name>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Metrics of the kind &quot;a question for the LLM judge&quot; send the call&apos;s transcript and the question to this OpenAI-compatible chat completions URL: a local llama.cpp or vLLM server, or a hosted one. Leave it empty to keep every transcript on this machine. Changes apply when Callscope starts again.</source>
        <translation>Metriken der Art „eine Frage an den LLM-Prüfer“ senden das Transkript des Anrufs und die Frage an diese OpenAI-kompatible Chat-Completions-URL: einen lokalen llama.cpp- oder vLLM-Server oder einen gehosteten. Leer lassen, damit jedes Transkript auf diesem Rechner bleibt. Änderungen gelten nach einem Neustart von Callscope.</translation>
    </message>
    <message>
        <source>Judge &amp;URL:</source>
        <translation>&amp;URL des Prüfers:</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>&amp;Timeout per attempt:</source>
        <translation>&amp;Zeitlimit je Versuch:</translation>
    </message>
    <message>
        <source>&amp;Retries:</source>
        <translation>&amp;Wiederholungen:</translation>
    </message>
    <message>
        <source>Requests at &amp;once:</source>
        <translation>Anfragen &amp;gleichzeitig:</translation>
    </message>
</context>
<context>
    <name>LabelDialog</name>
    <message>
        <source>Label Turn %1</source>
        <translation>Beitrag %1 labeln</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Optional: what went wrong, or right</source>
        <translation>Optional: was schiefging oder gut lief</translation>
    </message>
    <message>
        <source>Save Labels</source>
        <translation>Labels speichern</translation>
    </message>
    <message>
        <source>&amp;Labels (Space or 1–9 to check):</source>
        <translation>&amp;Labels (Leertaste oder 1–9 zum Ankreuzen):</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Notiz:</translation>
    </message>
    <message>
        <source>Key %1</source>
        <translation>Taste %1</translation>
    </message>
</context>
<context>
    <name>LatencyChart</name>
    <message>
        <source>Latency p50 per call</source>
        <translation>Latenz p50 je Anruf</translation>
    </message>
    <message>
        <source>Latency mean per call</source>
        <translation>Latenz Mittel je Anruf</translation>
    </message>
    <message>
        <source>Latency p90 per call</source>
        <translation>Latenz p90 je Anruf</translation>
    </message>
    <message>
        <source>Latency max per call</source>
        <translation>Latenz Maximum je Anruf</translation>
    </message>
    <message>
        <source>Time to first audio</source>
        <translation>Zeit bis zum ersten Ton</translation>
    </message>
    <message>
        <source>Latency distribution</source>
        <translation>Latenzverteilung</translation>
    </message>
    <message>
        <source>Latency metric</source>
        <translation>Latenzmetrik</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>calls</source>
        <translation>Anrufe</translation>
    </message>
    <message numerus="yes">
        <source>%1 to %2: %n call(s)</source>
        <translation>
            <numerusform>%1 bis %2: %n Anruf</numerusform>
            <numerusform>%1 bis %2: %n Anrufe</numerusform>
        </translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p90</source>
        <translation>p90</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) past %1 not shown</source>
        <translation>
            <numerusform>%n Anruf über %1 nicht gezeigt</numerusform>
            <numerusform>%n Anrufe über %1 nicht gezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>No call has a result for this metric yet</source>
        <translation>Noch kein Anruf hat ein Ergebnis für diese Metrik</translation>
    </message>
</context>
<context>
    <name>ListenerPanel</name>
    <message>
        <source>Start listener</source>
        <translation>Listener starten</translation>
    </message>
    <message>
        <source>Address and port to listen on (loopback by default).</source>
        <translation>Adresse und Port, auf denen gelauscht wird (standardmäßig Loopback).</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>API-Schlüssel:</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy curl</source>
        <translation>curl-Befehl kopieren</translation>
    </message>
    <message>
        <source>Headers of the selected request</source>
        <translation>Header der ausgewählten Anfrage</translation>
    </message>
    <message>
        <source>Raw body</source>
        <translation>Rohdaten des Bodys</translation>
    </message>
    <message>
        <source>The call it stored, and its validation errors</source>
        <translation>Der gespeicherte Anruf und seine Validierungsfehler</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <source>Edit and replay…</source>
        <translation>Bearbeiten und erneut senden…</translation>
    </message>
    <message>
        <source>Clear log</source>
        <translation>Protokoll leeren</translation>
    </message>
    <message>
        <source>Export JSONL…</source>
        <translation>Als JSONL exportieren…</translation>
    </message>
    <message>
        <source>Stopping: requests in flight finish first…</source>
        <translation>Wird gestoppt: laufende Anfragen werden erst beendet…</translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation>Adresse: %1</translation>
    </message>
    <message>
        <source>Stop listener</source>
        <translation>Listener stoppen</translation>
    </message>
    <message>
        <source>Validation errors:
</source>
        <translation>Validierungsfehler:
</translation>
    </message>
    <message>
        <source>Stored call %1 (as it is now):
</source>
        <translation>Gespeicherter Anruf %1 (aktueller Stand):
</translation>
    </message>
    <message>
        <source>Call %1 no longer exists.</source>
        <translation>Anruf %1 existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Edit and replay %1 %2</source>
        <translation>%1 %2 bearbeiten und erneut senden</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Replaying %1 %2…</source>
        <translation>%1 %2 wird erneut gesendet…</translation>
    </message>
    <message>
        <source>Replayed: %1</source>
        <translation>Erneut gesendet: %1</translation>
    </message>
    <message>
        <source>Replay failed: %1</source>
        <translation>Erneutes Senden fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Export request log</source>
        <translation>Anfrageprotokoll exportieren</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Wird exportiert…</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exportiert nach %1</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Call %1 could not be read: %2</source>
        <translation>Anruf %1 konnte nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>ListenerSettingsPage</name>
    <message>
        <source>Listener address</source>
        <translation>Listener-Adresse</translation>
    </message>
    <message>
        <source>host:port. 127.0.0.1 keeps the listener to this machine.</source>
        <translation>Host:Port. Mit 127.0.0.1 ist der Listener nur von diesem Rechner erreichbar.</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Show the API key</source>
        <translation>API-Schlüssel anzeigen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the API key</source>
        <translation>API-Schlüssel kopieren</translation>
    </message>
    <message>
        <source>New Key</source>
        <translation>Neuer Schlüssel</translation>
    </message>
    <message>
        <source>Generate a new API key</source>
        <translation>Einen neuen API-Schlüssel erzeugen</translation>
    </message>
    <message>
        <source>Point an agent or a provider&apos;s post-call webhook at this address to log its calls here. Requests must carry the key in the X-CEKURA-API-KEY header. A changed address or key restarts the listener.</source>
        <translation>Richten Sie einen Agenten oder den Post-Call-Webhook eines Anbieters auf diese Adresse, um seine Anrufe hier zu protokollieren. Anfragen müssen den Schlüssel im Header X-CEKURA-API-KEY tragen. Eine geänderte Adresse oder ein geänderter Schlüssel startet den Listener neu.</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>API-Schlüssel:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Callscope</source>
        <translation>Callscope</translation>
    </message>
    <message>
        <source>No calls to show.
Import call logs with File › Import, or change the filter.</source>
        <translation>Keine Anrufe.
Importieren Sie Anrufprotokolle über Datei › Importieren oder ändern Sie den Filter.</translation>
    </message>
    <message>
        <source>Select a call to read its transcript.</source>
        <translation>Wählen Sie einen Anruf, um sein Transkript zu lesen.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Import Files…</source>
        <translation>Dateien &amp;importieren…</translation>
    </message>
    <message>
        <source>Import &amp;Folder…</source>
        <translation>&amp;Ordner importieren…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Callscope</source>
        <translation>&amp;Über Callscope</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Import Call Logs</source>
        <translation>Anrufprotokolle importieren</translation>
    </message>
    <message>
        <source>Call logs (*.json *.jsonl *.csv);;All files (*)</source>
        <translation>Anrufprotokolle (*.json *.jsonl *.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Import a Folder of Call Logs</source>
        <translation>Ordner mit Anrufprotokollen importieren</translation>
    </message>
    <message>
        <source>About Callscope</source>
        <translation>Über Callscope</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Callscope %1&lt;/h3&gt;&lt;p&gt;A local workbench for voice-AI call logs: read each call&apos;s transcript, check its status and review it.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Callscope %1&lt;/h3&gt;&lt;p&gt;Eine lokale Werkbank für Anrufprotokolle von Sprach-KI: Transkripte lesen, Status prüfen und Anrufe bewerten.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Counting calls…</source>
        <translation>Anrufe werden gezählt…</translation>
    </message>
    <message numerus="yes">
        <source>%n matching call(s)</source>
        <translation>
            <numerusform>%n passender Anruf</numerusform>
            <numerusform>%n passende Anrufe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n Anruf</numerusform>
            <numerusform>%n Anrufe</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Call %1 could not be read: %2</source>
        <translation>Anruf %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Anrufe</translation>
    </message>
    <message>
        <source>The next unreviewed call could not be found: %1</source>
        <translation>Der nächste ungeprüfte Anruf konnte nicht gefunden werden: %1</translation>
    </message>
    <message>
        <source>No unreviewed call further down the list.</source>
        <translation>Weiter unten in der Liste gibt es keinen ungeprüften Anruf.</translation>
    </message>
    <message>
        <source>No unreviewed call further up the list.</source>
        <translation>Weiter oben in der Liste gibt es keinen ungeprüften Anruf.</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>&amp;Calls</source>
        <translation>&amp;Anrufe</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Dashboard</translation>
    </message>
    <message>
        <source>Export &amp;Redacted…</source>
        <translation>&amp;Geschwärzt exportieren…</translation>
    </message>
    <message>
        <source>The settings of %1 could not be saved.</source>
        <translation>Die Einstellungen von %1 konnten nicht gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>ManageViewsDialog</name>
    <message>
        <source>Manage Views</source>
        <translation>Ansichten verwalten</translation>
    </message>
    <message>
        <source>&amp;Saved views:</source>
        <translation>&amp;Gespeicherte Ansichten:</translation>
    </message>
    <message>
        <source>Saved views</source>
        <translation>Gespeicherte Ansichten</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Umbenennen</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
</context>
<context>
    <name>MetricResultsModel</name>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>n. z.</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>Nicht bestanden</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Key: %1 · source: %2</source>
        <translation>Schlüssel: %1 · Quelle: %2</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Erklärung</translation>
    </message>
</context>
<context>
    <name>MetricsDialog</name>
    <message>
        <source>Regular expression</source>
        <translation>Regulärer Ausdruck</translation>
    </message>
    <message>
        <source>On for every agent without a switch of its own</source>
        <translation>An für jeden Agenten ohne eigene Einstellung</translation>
    </message>
    <message>
        <source>&amp;New Metric</source>
        <translation>&amp;Neue Metrik</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agenten</translation>
    </message>
    <message>
        <source>A phrase must occur</source>
        <translation>Ein Ausdruck muss vorkommen</translation>
    </message>
    <message>
        <source>A phrase must not occur</source>
        <translation>Ein Ausdruck darf nicht vorkommen</translation>
    </message>
    <message>
        <source>A bound on a built-in (e.g. latency_p90_ms &lt; 1500)</source>
        <translation>Eine Grenze für eine eingebaute Metrik (z. B. latency_p90_ms &lt; 1500)</translation>
    </message>
    <message>
        <source>A question for the LLM judge</source>
        <translation>Eine Frage an den LLM-Prüfer</translation>
    </message>
    <message>
        <source>Any speaker</source>
        <translation>Beliebiger Sprecher</translation>
    </message>
    <message>
        <source>The agent</source>
        <translation>Der Agent</translation>
    </message>
    <message>
        <source>The caller</source>
        <translation>Der Anrufer</translation>
    </message>
    <message>
        <source>Was the agent polite throughout the call?</source>
        <translation>War der Agent während des ganzen Anrufs höflich?</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>N&amp;ame:</source>
        <translation>N&amp;ame:</translation>
    </message>
    <message>
        <source>&amp;Passes when:</source>
        <translation>&amp;Bestanden, wenn:</translation>
    </message>
    <message>
        <source>P&amp;hrase or bound:</source>
        <translation>A&amp;usdruck oder Grenze:</translation>
    </message>
    <message>
        <source>Sa&amp;id by:</source>
        <translation>Gesa&amp;gt von:</translation>
    </message>
    <message>
        <source>&amp;Question:</source>
        <translation>&amp;Frage:</translation>
    </message>
    <message>
        <source>On for these a&amp;gents:</source>
        <translation>An für diese Age&amp;nten:</translation>
    </message>
    <message>
        <source>built in</source>
        <translation>eingebaut</translation>
    </message>
    <message>
        <source>the LLM judge</source>
        <translation>der LLM-Prüfer</translation>
    </message>
    <message>
        <source>a rule: %1</source>
        <translation>eine Regel: %1</translation>
    </message>
    <message>
        <source>A new metric: give it a key (a-z, 0-9, _), a name and what makes it pass.</source>
        <translation>Eine neue Metrik: Geben Sie einen Schlüssel (a-z, 0-9, _), einen Namen und die Bedingung zum Bestehen an.</translation>
    </message>
</context>
<context>
    <name>MetricsMenu</name>
    <message>
        <source>&amp;Metrics</source>
        <translation>&amp;Metriken</translation>
    </message>
    <message>
        <source>Evaluate This Call &amp;Again</source>
        <translation>Diesen Anruf &amp;erneut auswerten</translation>
    </message>
    <message>
        <source>Evaluate the &amp;Listed Calls Again…</source>
        <translation>Die &amp;gelisteten Anrufe erneut auswerten…</translation>
    </message>
    <message>
        <source>Reading the listed calls…</source>
        <translation>Die gelisteten Anrufe werden gelesen…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Evaluate Metrics</source>
        <translation>Metriken auswerten</translation>
    </message>
    <message numerus="yes">
        <source>Evaluating %n call(s)…</source>
        <translation>
            <numerusform>%n Anruf wird ausgewertet…</numerusform>
            <numerusform>%n Anrufe werden ausgewertet…</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Manage Metrics…</source>
        <translation>Metriken &amp;verwalten…</translation>
    </message>
</context>
<context>
    <name>MetricsPanel</name>
    <message>
        <source>Evaluate again</source>
        <translation>Erneut auswerten</translation>
    </message>
    <message>
        <source>Metric results</source>
        <translation>Metrik-Ergebnisse</translation>
    </message>
    <message>
        <source>Run this call&apos;s metrics again</source>
        <translation>Die Metriken dieses Anrufs erneut auswerten</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>not evaluated</source>
        <translation>nicht ausgewertet</translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n nicht bestanden</numerusform>
            <numerusform>%n nicht bestanden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n Ergebnis</numerusform>
            <numerusform>%n Ergebnisse</numerusform>
        </translation>
    </message>
    <message>
        <source>none failed</source>
        <translation>keine nicht bestanden</translation>
    </message>
</context>
<context>
    <name>MoreFiltersPopup</name>
    <message>
        <source>More filters</source>
        <translation>Weitere Filter</translation>
    </message>
    <message>
        <source>With a recording</source>
        <translation>Mit Aufnahme</translation>
    </message>
    <message>
        <source>Without a recording</source>
        <translation>Ohne Aufnahme</translation>
    </message>
    <message>
        <source>&amp;From date</source>
        <translation>&amp;Von Datum</translation>
    </message>
    <message>
        <source>&amp;To date</source>
        <translation>&amp;Bis Datum</translation>
    </message>
    <message>
        <source>Duration at &amp;least</source>
        <translation>Dauer &amp;mindestens</translation>
    </message>
    <message>
        <source>Duration at &amp;most</source>
        <translation>Dauer &amp;höchstens</translation>
    </message>
    <message>
        <source>&amp;Recording</source>
        <translation>&amp;Aufnahme</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Beliebig</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>With labels</source>
        <translation>Mit Labels</translation>
    </message>
    <message>
        <source>Without labels</source>
        <translation>Ohne Labels</translation>
    </message>
    <message>
        <source>La&amp;bels</source>
        <translation>La&amp;bels</translation>
    </message>
    <message>
        <source>With failed metrics</source>
        <translation>Mit fehlgeschlagenen Metriken</translation>
    </message>
    <message>
        <source>Without failed metrics</source>
        <translation>Ohne fehlgeschlagene Metriken</translation>
    </message>
    <message>
        <source>Fa&amp;iled metrics</source>
        <translation>&amp;Fehlgeschlagene Metriken</translation>
    </message>
</context>
<context>
    <name>OpenAiTranscriber</name>
    <message>
        <source>No OpenAI-compatible transcription server is set up (its URL is empty).</source>
        <translation>Es ist kein OpenAI-kompatibler Transkriptionsserver eingerichtet (seine URL ist leer).</translation>
    </message>
    <message>
        <source>The transcription server URL must be an http:// or https:// address.</source>
        <translation>Die URL des Transkriptionsservers muss eine http://- oder https://-Adresse sein.</translation>
    </message>
    <message>
        <source>The transcription server URL has no host.</source>
        <translation>Die URL des Transkriptionsservers nennt keinen Host.</translation>
    </message>
    <message>
        <source>The transcription server %1 did not answer within %2 s.</source>
        <translation>Der Transkriptionsserver %1 hat nicht innerhalb von %2 s geantwortet.</translation>
    </message>
    <message>
        <source>The transcription server %1 refused the connection; is it running?</source>
        <translation>Der Transkriptionsserver %1 hat die Verbindung abgelehnt. Läuft er?</translation>
    </message>
    <message>
        <source>The transcription server %1 could not be found.</source>
        <translation>Der Transkriptionsserver %1 wurde nicht gefunden.</translation>
    </message>
    <message>
        <source>The transcription server %1 redirected the upload to another server, which is not followed.</source>
        <translation>Der Transkriptionsserver %1 hat das Hochladen an einen anderen Server umgeleitet; dieser Umleitung wird nicht gefolgt.</translation>
    </message>
    <message>
        <source>The transcription server %1 answered HTTP %2: %3</source>
        <translation>Der Transkriptionsserver %1 hat mit HTTP %2 geantwortet: %3</translation>
    </message>
    <message>
        <source>The transcription server %1 answered HTTP 404: it has no %2; is its URL right?</source>
        <translation>Der Transkriptionsserver %1 hat mit HTTP 404 geantwortet: %2 gibt es dort nicht. Stimmt seine URL?</translation>
    </message>
    <message>
        <source>The transcription server %1 answered HTTP %2.</source>
        <translation>Der Transkriptionsserver %1 hat mit HTTP %2 geantwortet.</translation>
    </message>
    <message>
        <source>The transcription server %1 could not be reached: %2</source>
        <translation>Der Transkriptionsserver %1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>Transcription was cancelled.</source>
        <translation>Die Transkription wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The audio (%1 samples at %2 Hz) could not be made into a WAV file for the transcription server.</source>
        <translation>Aus dem Ton (%1 Samples bei %2 Hz) ließ sich keine WAV-Datei für den Transkriptionsserver erzeugen.</translation>
    </message>
    <message>
        <source>The transcription server %1 did not answer with a JSON object (it began “%2”).</source>
        <translation>Der Transkriptionsserver %1 hat nicht mit einem JSON-Objekt geantwortet (die Antwort begann mit „%2“).</translation>
    </message>
    <message>
        <source>The transcription server %1 answered without words or segments; does it support response_format=verbose_json?</source>
        <translation>Der Transkriptionsserver %1 hat ohne Wörter oder Segmente geantwortet. Unterstützt er response_format=verbose_json?</translation>
    </message>
</context>
<context>
    <name>PassRateChart</name>
    <message>
        <source>Pass rate per metric</source>
        <translation>Erfolgsquote je Metrik</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>nicht bestanden</translation>
    </message>
    <message>
        <source>% of evaluated calls</source>
        <translation>% der ausgewerteten Anrufe</translation>
    </message>
    <message numerus="yes">
        <source>%1: passed in %n call(s) (%2 %)</source>
        <translation>
            <numerusform>%1: bestanden in %n Anruf (%2 %)</numerusform>
            <numerusform>%1: bestanden in %n Anrufen (%2 %)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: failed in %n call(s) (%2 %)</source>
        <translation>
            <numerusform>%1: nicht bestanden in %n Anruf (%2 %)</numerusform>
            <numerusform>%1: nicht bestanden in %n Anrufen (%2 %)</numerusform>
        </translation>
    </message>
    <message>
        <source>No call has a pass or fail result yet</source>
        <translation>Noch kein Anruf hat ein Bestanden- oder Nicht-bestanden-Ergebnis</translation>
    </message>
</context>
<context>
    <name>PickerPopup</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Counting calls…</source>
        <translation>Anrufe werden gezählt…</translation>
    </message>
    <message>
        <source>Nothing to choose from.</source>
        <translation>Nichts zur Auswahl.</translation>
    </message>
</context>
<context>
    <name>PlaybackController</name>
    <message>
        <source>The recording cannot be played.</source>
        <translation>Die Aufnahme kann nicht abgespielt werden.</translation>
    </message>
</context>
<context>
    <name>PlaybackSettingsPage</name>
    <message>
        <source>Audio output device</source>
        <translation>Audio-Ausgabegerät</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>%1 (not connected)</source>
        <translation>%1 (nicht verbunden)</translation>
    </message>
    <message>
        <source>Output device:</source>
        <translation>Ausgabegerät:</translation>
    </message>
</context>
<context>
    <name>PlayerBar</name>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source>Play or pause (Space)</source>
        <translation>Abspielen oder anhalten (Leertaste)</translation>
    </message>
    <message>
        <source>−5 s</source>
        <translation>−5 s</translation>
    </message>
    <message>
        <source>Back 5 seconds (J; Shift+J: 1 second)</source>
        <translation>5 Sekunden zurück (J; Umschalt+J: 1 Sekunde)</translation>
    </message>
    <message>
        <source>+5 s</source>
        <translation>+5 s</translation>
    </message>
    <message>
        <source>Forward 5 seconds (L; Shift+L: 1 second)</source>
        <translation>5 Sekunden vor (L; Umschalt+L: 1 Sekunde)</translation>
    </message>
    <message>
        <source>Playback position</source>
        <translation>Wiedergabeposition</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>Wiedergabegeschwindigkeit</translation>
    </message>
    <message>
        <source>Playback speed ([ slower, ] faster, \ normal)</source>
        <translation>Wiedergabegeschwindigkeit ([ langsamer, ] schneller, \ normal)</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Lautstärke</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <source>Hear both channels of a stereo recording, or only the agent&apos;s or the caller&apos;s</source>
        <translation>Beide Kanäle einer Stereoaufnahme hören oder nur den des Agenten oder des Anrufers</translation>
    </message>
    <message>
        <source>Both channels</source>
        <translation>Beide Kanäle</translation>
    </message>
    <message>
        <source>Agent only</source>
        <translation>Nur Agent</translation>
    </message>
    <message>
        <source>Caller only</source>
        <translation>Nur Anrufer</translation>
    </message>
    <message>
        <source>Play turn</source>
        <translation>Beitrag abspielen</translation>
    </message>
    <message>
        <source>Play the selected turn, then pause (Enter)</source>
        <translation>Den gewählten Beitrag abspielen, dann anhalten (Eingabe)</translation>
    </message>
    <message>
        <source>Loop turn</source>
        <translation>Beitrag wiederholen</translation>
    </message>
    <message>
        <source>Play the selected turn over and over</source>
        <translation>Den gewählten Beitrag immer wieder abspielen</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>PocketSphinxTranscriber</name>
    <message>
        <source>The PocketSphinx model directory %1 does not exist.</source>
        <translation>Der PocketSphinx-Modellordner %1 existiert nicht.</translation>
    </message>
    <message>
        <source>The PocketSphinx model in %1 is incomplete: %2 is missing.</source>
        <translation>Das PocketSphinx-Modell in %1 ist unvollständig: %2 fehlt.</translation>
    </message>
    <message>
        <source>PocketSphinx could not load its model from %1.</source>
        <translation>PocketSphinx konnte sein Modell nicht aus %1 laden.</translation>
    </message>
    <message>
        <source>The audio to transcribe has no sample rate.</source>
        <translation>Der zu transkribierende Ton hat keine Abtastrate.</translation>
    </message>
    <message>
        <source>Transcription was cancelled.</source>
        <translation>Die Transkription wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Listener</source>
        <translation>Listener</translation>
    </message>
    <message>
        <source>Playback</source>
        <translation>Wiedergabe</translation>
    </message>
    <message>
        <source>Preference pages</source>
        <translation>Einstellungsseiten</translation>
    </message>
    <message>
        <source>Problem with the preferences</source>
        <translation>Problem mit den Einstellungen</translation>
    </message>
    <message>
        <source>Listener: %1</source>
        <translation>Listener: %1</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>Metrics: %1</source>
        <translation>Metriken: %1</translation>
    </message>
    <message>
        <source>Transcription</source>
        <translation>Transkription</translation>
    </message>
    <message>
        <source>Redaction</source>
        <translation>Schwärzung</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>The metric is gone (deleted elsewhere).</source>
        <translation>Die Metrik gibt es nicht mehr (anderswo gelöscht).</translation>
    </message>
</context>
<context>
    <name>RecordingCache</name>
    <message>
        <source>The recording file %1 does not exist.</source>
        <translation>Die Aufnahmedatei %1 existiert nicht.</translation>
    </message>
    <message>
        <source>The recording at %1 cannot be downloaded: only http and https addresses can.</source>
        <translation>Die Aufnahme unter %1 kann nicht heruntergeladen werden: nur http- und https-Adressen sind möglich.</translation>
    </message>
    <message>
        <source>The recording was not downloaded from %1: %2.</source>
        <translation>Die Aufnahme wurde nicht von %1 heruntergeladen: %2.</translation>
    </message>
    <message>
        <source>The recording could not be downloaded from %1: %2.</source>
        <translation>Die Aufnahme konnte nicht von %1 heruntergeladen werden: %2.</translation>
    </message>
    <message>
        <source>The recording was downloaded but could not be kept in %1: %2.</source>
        <translation>Die Aufnahme wurde heruntergeladen, konnte aber nicht in %1 abgelegt werden: %2.</translation>
    </message>
</context>
<context>
    <name>RecordingCacheBox</name>
    <message>
        <source>Recording cache</source>
        <translation>Aufnahme-Cache</translation>
    </message>
    <message>
        <source>Clear Cache</source>
        <translation>Cache leeren</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>Maximum size of the recording cache</source>
        <translation>Höchstgröße des Aufnahme-Caches</translation>
    </message>
    <message>
        <source>Recording cache folder</source>
        <translation>Ordner des Aufnahme-Caches</translation>
    </message>
    <message>
        <source>Empty: the default folder</source>
        <translation>Leer: der Standardordner</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose the recording cache folder</source>
        <translation>Ordner des Aufnahme-Caches wählen</translation>
    </message>
    <message>
        <source>Recording cache usage</source>
        <translation>Belegung des Aufnahme-Caches</translation>
    </message>
    <message>
        <source>Clear the recording cache</source>
        <translation>Aufnahme-Cache leeren</translation>
    </message>
    <message>
        <source>Recordings that calls only reference by address are downloaded here to be played. The least recently played go first when the cache is full.</source>
        <translation>Aufnahmen, auf die Anrufe nur per Adresse verweisen, werden zum Abspielen hierher heruntergeladen. Ist der Cache voll, werden die am längsten nicht gespielten zuerst entfernt.</translation>
    </message>
    <message>
        <source>Maximum size:</source>
        <translation>Höchstgröße:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <source>In use:</source>
        <translation>Belegt:</translation>
    </message>
    <message>
        <source>Recording Cache Folder</source>
        <translation>Ordner des Aufnahme-Caches</translation>
    </message>
    <message>
        <source>Clearing…</source>
        <translation>Wird geleert…</translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n recording(s)</source>
        <extracomment>&quot;312 MB in 14 recordings&quot;</extracomment>
        <translation>
            <numerusform>%1 in %n Aufnahme</numerusform>
            <numerusform>%1 in %n Aufnahmen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordingLocator</name>
    <message>
        <source>The stored recording file %1 is missing.</source>
        <translation>Die gespeicherte Aufnahmedatei %1 fehlt.</translation>
    </message>
    <message>
        <source>This call has no recording.</source>
        <translation>Dieser Anruf hat keine Aufnahme.</translation>
    </message>
    <message>
        <source>The recording address %1 cannot be played: only http, https and local files can.</source>
        <translation>Die Aufnahmeadresse %1 kann nicht abgespielt werden: nur http, https und lokale Dateien sind möglich.</translation>
    </message>
    <message>
        <source>The recording file %1 does not exist.</source>
        <translation>Die Aufnahmedatei %1 existiert nicht.</translation>
    </message>
</context>
<context>
    <name>RedactedExport</name>
    <message>
        <source>The folder %1 for the recordings cannot be made.</source>
        <translation>Der Ordner %1 für die Aufnahmen kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The recording %1 of call %2 cannot be copied: %3.</source>
        <translation>Die Aufnahme %1 des Anrufs %2 kann nicht kopiert werden: %3.</translation>
    </message>
    <message>
        <source>The recording %1 of call %2 cannot be redacted: %3</source>
        <translation>Die Aufnahme %1 des Anrufs %2 kann nicht geschwärzt werden: %3</translation>
    </message>
    <message>
        <source>The redacted recording of call %1 cannot be saved as %2.</source>
        <translation>Die geschwärzte Aufnahme des Anrufs %1 kann nicht als %2 gespeichert werden.</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2.</source>
        <translation>%1 kann nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>%1 cannot be saved: %2.</source>
        <translation>%1 kann nicht gespeichert werden: %2.</translation>
    </message>
    <message>
        <source>The export failed: %1.</source>
        <translation>Der Export ist fehlgeschlagen: %1.</translation>
    </message>
</context>
<context>
    <name>RedactedExportDialog</name>
    <message>
        <source>Export Redacted</source>
        <translation>Geschwärzt exportieren</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Anrufe</translation>
    </message>
    <message>
        <source>The &amp;listed calls (the call list&apos;s filters)</source>
        <translation>Die &amp;aufgelisteten Anrufe (die Filter der Anrufliste)</translation>
    </message>
    <message>
        <source>The &amp;shown call</source>
        <translation>Der an&amp;gezeigte Anruf</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Anruf</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Removed text</source>
        <translation>Entfernter Text</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>Reading the calls…</source>
        <translation>Die Anrufe werden gelesen…</translation>
    </message>
    <message>
        <source>Customer number</source>
        <translation>Kundennummer</translation>
    </message>
    <message>
        <source>the shown call</source>
        <translation>dem angezeigten Anruf</translation>
    </message>
    <message numerus="yes">
        <source>the first %n listed call(s)</source>
        <translation>
            <numerusform>dem ersten aufgelisteten Anruf</numerusform>
            <numerusform>den ersten %n aufgelisteten Anrufen</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing of the ticked kinds in %1.</source>
        <translation>Nichts der angehakten Arten in %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n span(s) would be removed from %1:</source>
        <translation>
            <numerusform>%n Stelle würde aus %1 entfernt:</numerusform>
            <numerusform>%n Stellen würden aus %1 entfernt:</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Redacted Calls</source>
        <translation>Geschwärzte Anrufe exportieren</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl);;All files (*)</source>
        <translation>JSON Lines (*.jsonl);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Exporting redacted calls…</source>
        <translation>Geschwärzte Anrufe werden exportiert…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n redacted call(s) to %1.</source>
        <translation>
            <numerusform>%n geschwärzter Anruf nach %1 geschrieben.</numerusform>
            <numerusform>%n geschwärzte Anrufe nach %1 geschrieben.</numerusform>
        </translation>
    </message>
    <message>
        <source>The export was cancelled; %1 was not written.</source>
        <translation>Der Export wurde abgebrochen; %1 wurde nicht geschrieben.</translation>
    </message>
    <message numerus="yes">
        <source>the %n listed call(s)</source>
        <translation>
            <numerusform>dem aufgelisteten Anruf</numerusform>
            <numerusform>den %n aufgelisteten Anrufen</numerusform>
        </translation>
    </message>
    <message>
        <source>Include &amp;recordings (their audio redacted)</source>
        <translation>Auf&amp;nahmen einschließen (ihr Ton geschwärzt)</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s)&apos; recordings are remote and are left out.</source>
        <translation>
            <numerusform>Die Aufnahme von %n Anruf liegt entfernt und bleibt draußen.</numerusform>
            <numerusform>Die Aufnahmen von %n Anrufen liegen entfernt und bleiben draußen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The database is not changed. Recordings are left out of the file.</source>
        <translation>Die Datenbank bleibt unverändert. Aufnahmen werden nicht in die Datei übernommen.</translation>
    </message>
    <message>
        <source>The database is not changed. Each recording is copied into a folder named after the file, beside it, and its audio redacted there where its text is; a recording that is only a link is left out.</source>
        <translation>Die Datenbank bleibt unverändert. Jede Aufnahme wird in einen nach der Datei benannten Ordner neben ihr kopiert und ihr Ton dort geschwärzt, wo es ihr Text ist; eine Aufnahme, die nur ein Link ist, bleibt draußen.</translation>
    </message>
    <message>
        <source>Turn or field</source>
        <translation>Beitrag oder Feld</translation>
    </message>
    <message numerus="yes">
        <source>%n redacted recording(s) went to %1/.</source>
        <translation>
            <numerusform>%n geschwärzte Aufnahme liegt in %1/.</numerusform>
            <numerusform>%n geschwärzte Aufnahmen liegen in %1/.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RedactionKindList</name>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Alle auswählen</translation>
    </message>
    <message>
        <source>Select &amp;None</source>
        <translation>&amp;Keine auswählen</translation>
    </message>
    <message>
        <source>Kinds of personal data</source>
        <translation>Arten personenbezogener Daten</translation>
    </message>
</context>
<context>
    <name>RedactionKindNames</name>
    <message>
        <source>Person name</source>
        <translation>Personenname</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Telefonnummer</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>E-Mail-Adresse</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Gender or sexuality</source>
        <translation>Geschlecht oder Sexualität</translation>
    </message>
    <message>
        <source>Physical attribute</source>
        <translation>Körperliches Merkmal</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>Beruf</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP-Adresse</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Dateiname</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Vehicle ID</source>
        <translation>Fahrzeugkennung</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>Healthcare number</source>
        <translation>Versichertennummer</translation>
    </message>
    <message>
        <source>Medical professional</source>
        <translation>Medizinische Fachkraft</translation>
    </message>
    <message>
        <source>Credit card</source>
        <translation>Kreditkarte</translation>
    </message>
    <message>
        <source>Account number</source>
        <translation>Kontonummer</translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation>Bankverbindung</translation>
    </message>
    <message>
        <source>Money</source>
        <translation>Geldbetrag</translation>
    </message>
    <message>
        <source>Social Security number</source>
        <translation>Sozialversicherungsnummer</translation>
    </message>
    <message>
        <source>Passport number</source>
        <translation>Passnummer</translation>
    </message>
    <message>
        <source>Driver&apos;s licence number</source>
        <translation>Führerscheinnummer</translation>
    </message>
    <message>
        <source>Other personal number</source>
        <translation>Andere persönliche Nummer</translation>
    </message>
</context>
<context>
    <name>RedactionSettingsPage</name>
    <message>
        <source>Silence</source>
        <translation>Stille</translation>
    </message>
    <message>
        <source>1 kHz tone</source>
        <translation>1-kHz-Ton</translation>
    </message>
    <message>
        <source>Redacted audio</source>
        <translation>Geschwärzter Ton</translation>
    </message>
    <message>
        <source>Redacted &amp;audio:</source>
        <translation>Geschwärzter &amp;Ton:</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>Calls whose redact_fields name kinds of personal data lose them from the transcript and the recording. Changes apply to the calls and recordings redacted after you press OK.</source>
        <translation>Anrufe, deren redact_fields Arten personenbezogener Daten nennen, verlieren diese aus Transkript und Aufnahme. Änderungen gelten für die Anrufe und Aufnahmen, die nach OK geschwärzt werden.</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Default redaction</source>
        <translation>Standard-Schwärzung</translation>
    </message>
    <message>
        <source>Default redaction per agent</source>
        <translation>Standard-Schwärzung je Agent</translation>
    </message>
    <message>
        <source>Also set with &lt;code&gt;callscope agent set AGENT --redact-fields KIND,…&lt;/code&gt;</source>
        <translation>Auch mit &lt;code&gt;callscope agent set AGENT --redact-fields KIND,…&lt;/code&gt; festzulegen</translation>
    </message>
    <message>
        <source>No database is open: there are no agents to list.</source>
        <translation>Es ist keine Datenbank geöffnet, daher werden keine Agenten aufgelistet.</translation>
    </message>
    <message>
        <source>Reading the agents…</source>
        <translation>Die Agenten werden gelesen…</translation>
    </message>
    <message>
        <source>Per agent</source>
        <translation>Je Agent</translation>
    </message>
    <message>
        <source>The kinds removed by &amp;default from an agent&apos;s calls whose body names none:</source>
        <translation>Die Arten, die &amp;standardmäßig aus den Anrufen eines Agenten entfernt werden, deren Body keine nennt:</translation>
    </message>
    <message>
        <source>The agents could not be read: %1</source>
        <translation>Die Agenten konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>There are no agents in this database yet.</source>
        <translation>In dieser Datenbank gibt es noch keine Agenten.</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message numerus="yes">
        <source>%n kind(s)</source>
        <translation>
            <numerusform>%n Art</numerusform>
            <numerusform>%n Arten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RequestLogModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>The request log could not be read: %1</source>
        <translation>Das Anfrageprotokoll konnte nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>RequestReplayer</name>
    <message>
        <source>The agent&apos;s webhook secret could not be read: %1</source>
        <translation>Das Webhook-Geheimnis des Agenten konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>This body was only kept in part; it cannot be replayed.</source>
        <translation>Dieser Body wurde nur teilweise aufbewahrt; er kann nicht erneut gesendet werden.</translation>
    </message>
    <message>
        <source>The listener is not running.</source>
        <translation>Der Listener läuft nicht.</translation>
    </message>
    <message>
        <source>This request was refused before its request line could be read; there is nothing to replay.</source>
        <translation>Diese Anfrage wurde abgewiesen, bevor ihre Anfragezeile gelesen werden konnte; es gibt nichts erneut zu senden.</translation>
    </message>
</context>
<context>
    <name>Resampler</name>
    <message>
        <source>Audio cannot be resampled from %1 Hz to %2 Hz: a rate must be positive.</source>
        <translation>Ton lässt sich nicht von %1 Hz auf %2 Hz umrechnen: Eine Abtastrate muss positiv sein.</translation>
    </message>
    <message>
        <source>FFmpeg&apos;s resampler cannot convert audio from %1 Hz to %2 Hz.</source>
        <translation>Der Resampler von FFmpeg kann Ton nicht von %1 Hz in %2 Hz umrechnen.</translation>
    </message>
</context>
<context>
    <name>ReviewActions</name>
    <message>
        <source>Undo:</source>
        <extracomment>Followed by the step: &quot;Undo: status of pizza-allergy-1120 → reviewed_failure&quot;</extracomment>
        <translation>Rückgängig:</translation>
    </message>
    <message>
        <source>Redo:</source>
        <translation>Wiederholen:</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
</context>
<context>
    <name>ReviewChangeQueue</name>
    <message>
        <source>Call %1 is no longer in the database; the review change was not saved.</source>
        <translation>Anruf %1 ist nicht mehr in der Datenbank; die Prüfänderung wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>The review of call %1 was refused (%2).</source>
        <translation>Die Prüfung von Anruf %1 wurde abgelehnt (%2).</translation>
    </message>
    <message>
        <source>The review of call %1 could not be saved: %2</source>
        <translation>Die Prüfung von Anruf %1 konnte nicht gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>ReviewHistoryView</name>
    <message>
        <source>Review history</source>
        <translation>Prüfverlauf</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>feedback</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keins)</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>„%1“</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>Success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>Fehlschlag</translation>
    </message>
    <message>
        <source>Reviewed success</source>
        <translation>Geprüft: Erfolg</translation>
    </message>
    <message>
        <source>Reviewed failure</source>
        <translation>Geprüft: Fehlschlag</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Set the status to %1 (key %2)</source>
        <translation>Status auf %1 setzen (Taste %2)</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>Feedback on this call (saved as you type; F to start, Esc to return to the list)</source>
        <translation>Feedback zu diesem Anruf (wird beim Tippen gespeichert; F zum Beginnen, Esc zurück zur Liste)</translation>
    </message>
    <message>
        <source>Review history</source>
        <translation>Prüfverlauf</translation>
    </message>
    <message>
        <source>status of %1 → %2</source>
        <extracomment>The undo step: &quot;status of pizza-allergy-1120 → reviewed_failure&quot;</extracomment>
        <translation>Status von %1 → %2</translation>
    </message>
    <message>
        <source>feedback of %1</source>
        <extracomment>The undo step: &quot;feedback of pizza-allergy-1120&quot;</extracomment>
        <translation>Feedback von %1</translation>
    </message>
</context>
<context>
    <name>ReviewSettingsPage</name>
    <message>
        <source>&amp;Play the recording when a call opens</source>
        <translation>Aufnahme beim Öffnen eines Anrufs ab&amp;spielen</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Move &amp;Down</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>Restore De&amp;faults</source>
        <translation>&amp;Standard wiederherstellen</translation>
    </message>
    <message>
        <source>Play the recording when a call opens</source>
        <translation>Aufnahme beim Öffnen eines Anrufs abspielen</translation>
    </message>
    <message>
        <source>Turn labels</source>
        <translation>Beitrags-Labels</translation>
    </message>
    <message>
        <source>&amp;Turn labels (T labels the selected turn; 1–9 pick in this order):</source>
        <translation>&amp;Beitrags-Labels (T labelt den gewählten Beitrag; 1–9 wählen in dieser Reihenfolge):</translation>
    </message>
    <message>
        <source>Labels are stored with each call as written here, and exported with it.</source>
        <translation>Labels werden so, wie sie hier stehen, mit jedem Anruf gespeichert und mit ihm exportiert.</translation>
    </message>
    <message>
        <source>new label</source>
        <translation>neues Label</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Single keys do nothing while a text field has the focus; Esc or Tab leaves it.</source>
        <translation>Einzelne Tasten wirken nicht, solange ein Textfeld den Fokus hat; Esc oder Tab verlässt es.</translation>
    </message>
</context>
<context>
    <name>StatusDelegate</name>
    <message>
        <source>Success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>Fehlschlag</translation>
    </message>
</context>
<context>
    <name>SuccessRateChart</name>
    <message>
        <source>Success rate</source>
        <translation>Erfolgsquote</translation>
    </message>
    <message>
        <source>% succeeded</source>
        <translation>% erfolgreich</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 % of %n call(s) with a status succeeded</source>
        <translation>
            <numerusform>%1: %2 % von %n Anruf mit Status erfolgreich</numerusform>
            <numerusform>%1: %2 % von %n Anrufen mit Status erfolgreich</numerusform>
        </translation>
    </message>
    <message>
        <source>No call has a status yet</source>
        <translation>Noch kein Anruf hat einen Status</translation>
    </message>
</context>
<context>
    <name>TranscriptDelegate</name>
    <message>
        <source>Redacted: %1</source>
        <translation>Geschwärzt: %1</translation>
    </message>
</context>
<context>
    <name>TranscriptModel</name>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Anrufer</translation>
    </message>
    <message>
        <source>Tool call</source>
        <translation>Tool-Aufruf</translation>
    </message>
    <message>
        <source>Tool result</source>
        <translation>Tool-Ergebnis</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Sprecher</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>TranscriptPane</name>
    <message>
        <source>Transcript</source>
        <translation>Transkript</translation>
    </message>
    <message>
        <source>Follow playback</source>
        <translation>Wiedergabe folgen</translation>
    </message>
    <message>
        <source>Scroll back to the turn being heard and keep it in view</source>
        <translation>Zum gerade gehörten Beitrag zurückscrollen und ihn sichtbar halten</translation>
    </message>
    <message>
        <source>Find in call</source>
        <translation>Im Anruf suchen</translation>
    </message>
    <message>
        <source>Find in this call</source>
        <translation>In diesem Anruf suchen</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Vorheriger Treffer (Umschalt+Eingabe)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Nächster Treffer (Eingabe)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>Suchleiste schließen (Esc)</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>Kein Treffer</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
</context>
<context>
    <name>TranscriptionMenu</name>
    <message>
        <source>&amp;Transcript</source>
        <translation>&amp;Transkript</translation>
    </message>
    <message>
        <source>&amp;Transcribe This Call Again</source>
        <translation>Diesen Anruf erneut &amp;transkribieren</translation>
    </message>
    <message>
        <source>This call has its sender&apos;s transcript.</source>
        <translation>Dieser Anruf hat bereits ein Transkript vom Absender.</translation>
    </message>
    <message>
        <source>This call has its sender&apos;s transcript: only audio-only calls are transcribed.</source>
        <translation>Dieser Anruf hat bereits ein Transkript vom Absender: Transkribiert werden nur Anrufe, die nur eine Aufnahme haben.</translation>
    </message>
    <message>
        <source>Call %1 is queued for transcription.</source>
        <translation>Anruf %1 wartet auf die Transkription.</translation>
    </message>
</context>
<context>
    <name>TranscriptionQueue</name>
    <message>
        <source>The recording could not be redacted: %1</source>
        <translation>Die Aufnahme konnte nicht geschwärzt werden: %1</translation>
    </message>
</context>
<context>
    <name>TranscriptionSettings</name>
    <message>
        <source>%1 PocketSphinx transcribes instead.</source>
        <translation>%1 Stattdessen transkribiert PocketSphinx.</translation>
    </message>
</context>
<context>
    <name>TranscriptionSettingsPage</name>
    <message>
        <source>PocketSphinx (offline)</source>
        <translation>PocketSphinx (offline)</translation>
    </message>
    <message>
        <source>OpenAI-compatible server</source>
        <translation>OpenAI-kompatibler Server</translation>
    </message>
    <message>
        <source>A local whisper.cpp server, a faster-whisper server, or OpenAI itself.</source>
        <translation>Ein lokaler whisper.cpp-Server, ein faster-whisper-Server oder OpenAI selbst.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keiner</translation>
    </message>
    <message>
        <source>Detected by the server</source>
        <translation>Vom Server erkannt</translation>
    </message>
    <message>
        <source>The calls&apos; language as an ISO 639-1 code (en, de, …); empty: the server detects it.</source>
        <translation>Die Sprache der Anrufe als ISO-639-1-Code (en, de, …); leer: Der Server erkennt sie.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Problem with the transcription server</source>
        <translation>Problem mit dem Transkriptionsserver</translation>
    </message>
    <message>
        <source>Calls that come with a recording but no transcript are transcribed in the background. Changes apply to the calls transcribed after you press OK.</source>
        <translation>Anrufe, die mit einer Aufnahme, aber ohne Transkript kommen, werden im Hintergrund transkribiert. Änderungen gelten für die Anrufe, die nach einem Klick auf OK transkribiert werden.</translation>
    </message>
    <message>
        <source>Default &amp;back-end:</source>
        <translation>Standard-&amp;Backend:</translation>
    </message>
    <message>
        <source>Server &amp;URL:</source>
        <translation>Server-&amp;URL:</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>S&amp;prache:</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>&amp;Zeitlimit:</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Back-end</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>Who speaks first</source>
        <translation>Wer zuerst spricht</translation>
    </message>
    <message>
        <source>No database is open: there are no agents to list.</source>
        <translation>Es ist keine Datenbank geöffnet, daher werden keine Agenten aufgelistet.</translation>
    </message>
    <message>
        <source>Reading the agents…</source>
        <translation>Die Agenten werden gelesen…</translation>
    </message>
    <message>
        <source>Per agent</source>
        <translation>Je Agent</translation>
    </message>
    <message>
        <source>An agent&apos;s own &amp;choices (who speaks first decides which voice is the agent&apos;s):</source>
        <translation>&amp;Eigene Einstellungen eines Agenten (wer zuerst spricht, entscheidet, welche Stimme die des Agenten ist):</translation>
    </message>
    <message>
        <source>Back-end for %1</source>
        <translation>Backend für %1</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>PocketSphinx</source>
        <translation>PocketSphinx</translation>
    </message>
    <message>
        <source>Who speaks first in calls of %1</source>
        <translation>Wer in Anrufen von %1 zuerst spricht</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Anrufer</translation>
    </message>
    <message>
        <source>There are no agents in this database yet.</source>
        <translation>In dieser Datenbank gibt es noch keine Agenten.</translation>
    </message>
    <message>
        <source>PocketSphinx transcribes on this computer: nothing leaves the machine.</source>
        <translation>PocketSphinx transkribiert auf diesem Rechner: Nichts verlässt ihn.</translation>
    </message>
    <message>
        <source>Each call&apos;s recording is uploaded to the server below.</source>
        <translation>Die Aufnahme jedes Anrufs wird auf den Server unten hochgeladen.</translation>
    </message>
    <message>
        <source>The agents could not be read: %1</source>
        <translation>Die Agenten konnten nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>ViewsMenu</name>
    <message>
        <source>&amp;Views</source>
        <translation>A&amp;nsichten</translation>
    </message>
    <message>
        <source>&amp;Save View…</source>
        <translation>Ansicht &amp;speichern…</translation>
    </message>
    <message>
        <source>&amp;Manage Views…</source>
        <translation>Ansichten &amp;verwalten…</translation>
    </message>
    <message>
        <source>&amp;All Calls</source>
        <translation>&amp;Alle Anrufe</translation>
    </message>
    <message>
        <source>Save View</source>
        <translation>Ansicht speichern</translation>
    </message>
    <message>
        <source>&amp;Name of this view:</source>
        <translation>&amp;Name dieser Ansicht:</translation>
    </message>
    <message>
        <source>A view called “%1” exists. Replace it?</source>
        <translation>Eine Ansicht namens „%1“ gibt es schon. Ersetzen?</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Ansichten</translation>
    </message>
    <message>
        <source>View: %1</source>
        <translation>Ansicht: %1</translation>
    </message>
    <message>
        <source>Saved views</source>
        <translation>Gespeicherte Ansichten</translation>
    </message>
    <message>
        <source>Saved views, showing %1</source>
        <translation>Gespeicherte Ansichten, gezeigt: %1</translation>
    </message>
</context>
<context>
    <name>WaveformLaneLayout</name>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Anrufer</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Tools</translation>
    </message>
</context>
<context>
    <name>WaveformLanesLayer</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>WaveformView</name>
    <message>
        <source>Waveform</source>
        <translation>Wellenform</translation>
    </message>
    <message>
        <source>Computing waveform… %1%</source>
        <translation>Wellenform wird berechnet … %1 %</translation>
    </message>
    <message>
        <source>Mono</source>
        <translation>Mono</translation>
    </message>
    <message>
        <source>Channel %1</source>
        <translation>Kanal %1</translation>
    </message>
</context>
</TS>
