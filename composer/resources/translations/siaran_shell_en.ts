<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AltCounter</name>
    <message numerus="yes">
        <source>%n character(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Alt text length: %n character(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CounterBar</name>
    <message numerus="yes">
        <source>%n part(s)</source>
        <translation>
            <numerusform>%n part</numerusform>
            <numerusform>%n parts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DraftsController</name>
    <message numerus="yes">
        <source>%n announcement(s) scheduled.</source>
        <translation>
            <numerusform>%n announcement scheduled.</numerusform>
            <numerusform>%n announcements scheduled.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n finding</numerusform>
            <numerusform>%n findings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n block(s) publishing</source>
        <translation>
            <numerusform>%n block publishing</numerusform>
            <numerusform>%n blocks publishing</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GovernanceController</name>
    <message numerus="yes">
        <source>Crisis hold in force: %n scheduled post(s) taken off the platforms&apos; schedules</source>
        <translation>
            <numerusform>Crisis hold in force: %n scheduled post taken off the platforms&apos; schedules</numerusform>
            <numerusform>Crisis hold in force: %n scheduled posts taken off the platforms&apos; schedules</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The crisis hold is released: %n post(s) scheduled again</source>
        <translation>
            <numerusform>The crisis hold is released: %n post scheduled again</numerusform>
            <numerusform>The crisis hold is released: %n posts scheduled again</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message numerus="yes">
        <source>Report saved: %n row(s) in {path}</source>
        <translation>
            <numerusform>Report saved: %n row in {path}</numerusform>
            <numerusform>Report saved: %n rows in {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Resume publishing (%n unfinished)</source>
        <translation>
            <numerusform>Resume publishing (%n unfinished)</numerusform>
            <numerusform>Resume publishing (%n unfinished)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MediaStrip</name>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n image</numerusform>
            <numerusform>%n images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>adding %n…</source>
        <translation>
            <numerusform>adding %n…</numerusform>
            <numerusform>adding %n…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n without alt text</source>
        <translation>
            <numerusform>%n without alt text</numerusform>
            <numerusform>%n without alt text</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Plurals</name>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n image</numerusform>
            <numerusform>%n images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>a thread of %n part(s)</source>
        <translation>
            <numerusform>a thread of %n part</numerusform>
            <numerusform>a thread of %n parts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) without alt text</source>
        <translation>
            <numerusform>%n image without alt text</numerusform>
            <numerusform>%n images without alt text</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s)</source>
        <translation>
            <numerusform>%n channel</numerusform>
            <numerusform>%n channels</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message numerus="yes">
        <source>Publish to %n channel(s)?</source>
        <translation>
            <numerusform>Publish to %n channel?</numerusform>
            <numerusform>Publish to %n channels?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s) to send by hand.</source>
        <translation>
            <numerusform>%n channel to send by hand.</numerusform>
            <numerusform>%n channels to send by hand.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Scheduled to %n channel(s) for {time}.</source>
        <translation>
            <numerusform>Scheduled to %n channel for {time}.</numerusform>
            <numerusform>Scheduled to %n channels for {time}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ready: %n channel(s) to send by hand.</source>
        <translation>
            <numerusform>Ready: %n channel to send by hand.</numerusform>
            <numerusform>Ready: %n channels to send by hand.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Schedule to %n channel(s)?</source>
        <translation>
            <numerusform>Schedule to %n channel?</numerusform>
            <numerusform>Schedule to %n channels?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Schedule to %n channel(s)</source>
        <translation>
            <numerusform>&amp;Schedule to %n channel</numerusform>
            <numerusform>&amp;Schedule to %n channels</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Publish to %n channel(s)</source>
        <translation>
            <numerusform>&amp;Publish to %n channel</numerusform>
            <numerusform>&amp;Publish to %n channels</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message numerus="yes">
        <source>%n post(s) due within the hour (⏰).</source>
        <translation>
            <numerusform>%n post due within the hour (⏰).</numerusform>
            <numerusform>%n posts due within the hour (⏰).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResumeDialog</name>
    <message numerus="yes">
        <source>%n send(s) did not finish. Resume them now?</source>
        <translation>
            <numerusform>%n send did not finish. Resume it now?</numerusform>
            <numerusform>%n sends did not finish. Resume them now?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n send(s) still did not go out.</source>
        <translation>
            <numerusform>%n send still did not go out.</numerusform>
            <numerusform>%n sends still did not go out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VideoPanel</name>
    <message numerus="yes">
        <source>Captions (%n cue(s)): {name}</source>
        <translation>
            <numerusform>Captions (%n cue): {name}</numerusform>
            <numerusform>Captions (%n cues): {name}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>owner</name>
    <message numerus="yes">
        <source>Published to %n channel(s).</source>
        <translation>
            <numerusform>Published to %n channel.</numerusform>
            <numerusform>Published to %n channels.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s) already published; nothing sent.</source>
        <translation>
            <numerusform>%n channel already published; nothing sent.</numerusform>
            <numerusform>%n channels already published; nothing sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s) changed since published: choose what to do.</source>
        <translation>
            <numerusform>%n channel changed since published: choose what to do.</numerusform>
            <numerusform>%n channels changed since published: choose what to do.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s) did not go out.</source>
        <translation>
            <numerusform>%n channel did not go out.</numerusform>
            <numerusform>%n channels did not go out.</numerusform>
        </translation>
    </message>
</context>
</TS>
