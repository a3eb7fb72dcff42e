<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
        <source>&amp;Publish to %n channel(s)</source>
        <translation>
            <numerusform>&amp;Publish to %n channel</numerusform>
            <numerusform>&amp;Publish to %n channels</numerusform>
        </translation>
    </message>
</context>
</TS>
