<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CalendarPage</name>
    <message numerus="yes">
        <location filename="../../ui/calendar/page.py" line="+169"/>
        <source>Due on %1: %n item(s)</source>
        <translation>
            <numerusform>Due on %1: %n item</numerusform>
            <numerusform>Due on %1: %n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DueCalendar</name>
    <message numerus="yes">
        <location filename="../../ui/calendar/month.py" line="+77"/>
        <source>+%n more</source>
        <translation>
            <numerusform>+%n more</numerusform>
            <numerusform>+%n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message numerus="yes">
        <location filename="../../ui/pages/import_summary.py" line="+30"/>
        <source>Imported %1 of %n file(s).</source>
        <translation>
            <numerusform>Imported %1 of %n file.</numerusform>
            <numerusform>Imported %1 of %n files.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n obligation(s) found and waiting for your review.</source>
        <translation>
            <numerusform>%n obligation found and waiting for your review.</numerusform>
            <numerusform>%n obligations found and waiting for your review.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n file(s) need your attention: see below.</source>
        <translation>
            <numerusform>%n file needs your attention: see below.</numerusform>
            <numerusform>%n files need your attention: see below.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n obligation(s) proposed for review</source>
        <translation>
            <numerusform>%n obligation proposed for review</numerusform>
            <numerusform>%n obligations proposed for review</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="+250"/>
        <source>Holiday data changed: due dates of %n obligation(s) recomputed.</source>
        <translation>
            <numerusform>Holiday data changed: due dates of %n obligation recomputed.</numerusform>
            <numerusform>Holiday data changed: due dates of %n obligations recomputed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ObligationDialog</name>
    <message numerus="yes">
        <location filename="../../ui/dialogs/obligation.py" line="+152"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ObligationsPage</name>
    <message numerus="yes">
        <location filename="../../ui/pages/obligations_page.py" line="+195"/>
        <source>%n obligation(s)</source>
        <translation>
            <numerusform>%n obligation</numerusform>
            <numerusform>%n obligations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n selected</source>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+43"/>
        <source>Reject %n obligation(s)? They will no longer be reminded of (you can find them under Show: Rejected).</source>
        <translation>
            <numerusform>Reject %n obligation? They will no longer be reminded of (you can find them under Show: Rejected).</numerusform>
            <numerusform>Reject %n obligations? They will no longer be reminded of (you can find them under Show: Rejected).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>Who is responsible for the %n selected obligation(s)?</source>
        <translation>
            <numerusform>Who is responsible for the %n selected obligation?</numerusform>
            <numerusform>Who is responsible for the %n selected obligations?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReminderTray</name>
    <message numerus="yes">
        <location filename="../../ui/tray/tray.py" line="+74"/>
        <source>Today&apos;s deadlines: %n item(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>… and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>overdue by %n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>due in %n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message numerus="yes">
        <location filename="../../ui/review/page.py" line="+235"/>
        <source>(%n to review)</source>
        <translation>
            <numerusform>(%n to review)</numerusform>
            <numerusform>(%n to review)</numerusform>
        </translation>
    </message>
</context>
</TS>
