<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
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
        <source>Feedback</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>Agent %1</source>
        <translation>Agent %1</translation>
    </message>
    <message>
        <source>%1 (agent %2)</source>
        <translation>%1 (Agent %2)</translation>
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
        <source>Agent id or assistant id</source>
        <translation>Agent-ID oder Assistenten-ID</translation>
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
</context>
</TS>
