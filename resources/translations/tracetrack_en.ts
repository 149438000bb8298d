<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AdminController</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin_controller.py" line="24"/>
        <source>The server cannot be reached; the Admin screen needs the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin_controller.py" line="146"/>
        <source>Scans are not recorded on the Admin screen; to fill a field, click it first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/page.py" line="61"/>
        <source>Please confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/page.py" line="64"/>
        <location filename="../../tracetrack_desktop/ui/admin/page.py" line="100"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/page.py" line="99"/>
        <source>&amp;OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/page.py" line="101"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdminTab</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/admin_tab.py" line="103"/>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/admin_tab.py" line="104"/>
        <source>Stations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/admin_tab.py" line="105"/>
        <source>Areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/admin_tab.py" line="106"/>
        <source>Code rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/admin_tab.py" line="107"/>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AreasPage</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/areas_page.py" line="21"/>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/areas_page.py" line="21"/>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/areas_page.py" line="21"/>
        <source>Stations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/areas_page.py" line="24"/>
        <source>New area&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/areas_page.py" line="26"/>
        <source>&amp;Add area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/areas_page.py" line="27"/>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/areas_page.py" line="66"/>
        <source>Area {name} added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/areas_page.py" line="69"/>
        <source>Area removed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/audit_page.py" line="68"/>
        <location filename="../../tracetrack_desktop/ui/admin/audit_page.py" line="169"/>
        <source>(any action)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/audit_page.py" line="69"/>
        <location filename="../../tracetrack_desktop/ui/admin/audit_page.py" line="70"/>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/audit_page.py" line="71"/>
        <source>&amp;Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/audit_page.py" line="65"/>
        <source>e.g. sam, or station:* for every station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/audit_page.py" line="74"/>
        <source>&amp;Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/audit_page.py" line="75"/>
        <source>A&amp;ction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/audit_page.py" line="78"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/audit_page.py" line="82"/>
        <source>&amp;From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/audit_page.py" line="87"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/audit_page.py" line="88"/>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/audit_page.py" line="89"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/audit_page.py" line="90"/>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/audit_page.py" line="91"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/audit_page.py" line="97"/>
        <source>Pick an entry to see it before and after.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/audit_page.py" line="99"/>
        <source>&amp;Newer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/audit_page.py" line="100"/>
        <source>&amp;Older</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/audit_page.py" line="156"/>
        <source>{first} to {last} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/audit_page.py" line="161"/>
        <source>No entries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/audit_page.py" line="199"/>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/audit_page.py" line="199"/>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BillEditDialog</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/bill_edit_dialog.py" line="37"/>
        <source>Edit bill {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/bill_edit_dialog.py" line="43"/>
        <source>at least {n}: already loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/bill_edit_dialog.py" line="50"/>
        <source>Ca&amp;pacity (parents)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/bill_edit_dialog.py" line="52"/>
        <source>&amp;Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/bill_edit_dialog.py" line="53"/>
        <source>&amp;Vehicle number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/bill_edit_dialog.py" line="56"/>
        <source>&amp;Save changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/bill_edit_dialog.py" line="59"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BillsController</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/bills_controller.py" line="47"/>
        <source>Open a bill first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/bills_controller.py" line="86"/>
        <source>Bill {id} holds {n} of {cap} parents. Complete it with {n}? Its capacity becomes {n}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/bills_controller.py" line="90"/>
        <source>Complete bill {id}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/bills_controller.py" line="95"/>
        <source>&amp;Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/bills_controller.py" line="96"/>
        <source>&amp;No</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BillsTab</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="80"/>
        <source>&amp;Create bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="81"/>
        <source>&amp;Open bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="83"/>
        <source>Bill &amp;id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="84"/>
        <source>Ca&amp;pacity (parents)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="85"/>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="86"/>
        <source>Vehicle number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="90"/>
        <source>Create or open a bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="99"/>
        <source>Record &amp;return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="100"/>
        <source>Return ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="102"/>
        <source>Ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="103"/>
        <source>C&amp;&amp;F location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="104"/>
        <source>Parent bag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="110"/>
        <source>Import spreads&amp;heet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="124"/>
        <source>Con&amp;firm: put it on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="125"/>
        <source>&amp;Keep it off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="135"/>
        <source>Parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="135"/>
        <source>Children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="135"/>
        <source>Expected kg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="143"/>
        <source>Remo&amp;ve selected parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="145"/>
        <source>Comple&amp;te bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="147"/>
        <source>&amp;Edit bill…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="148"/>
        <source>Reope&amp;n bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="274"/>
        <source>Scan or type a parent bag to put on this bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="146"/>
        <source>Close bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="207"/>
        <source>Type a bill id first, e.g. BILL-2025-001.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="219"/>
        <source>Type or scan the id of the bill to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="233"/>
        <source>Select a parent in the list, then press Remove.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="242"/>
        <source>Scan or type the returned parent bag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="276"/>
        <source>Scan or type a bill id to open it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="280"/>
        <source>NO BILL OPEN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="281"/>
        <source>Create a bill or open one to scan parents onto it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="289"/>
        <source>BILL {id} · {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="294"/>
        <source>Destination: {dest} · Vehicle: {veh}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="301"/>
        <source>{linked} / {cap} parents · {actual} kg of {expected} kg expected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/conflicts_dialog.py" line="25"/>
        <source>Sync conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/conflicts_dialog.py" line="28"/>
        <source>The server kept another station&apos;s scan for these bags. Nothing was lost: each line says what this station did and what won. Fix the bag by hand if needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/conflicts_dialog.py" line="36"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/conflicts_dialog.py" line="37"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/conflicts_dialog.py" line="38"/>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/conflicts_dialog.py" line="39"/>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/conflicts_dialog.py" line="40"/>
        <source>Lost to</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictsWidget</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/statusbar/conflicts.py" line="27"/>
        <source>⚠ {n} conflicts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionWidget</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/statusbar/connection.py" line="41"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/statusbar/connection.py" line="43"/>
        <source>● Online · last sync {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/statusbar/connection.py" line="46"/>
        <source>○ Offline · last sync {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/statusbar/connection.py" line="49"/>
        <source>Unencrypted connection to {host}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/statusbar/connection.py" line="77"/>
        <source>Offline-only station</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="152"/>
        <source>Pick why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="156"/>
        <source>Required when the reason is Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="158"/>
        <source>Scan or type the parent bag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="162"/>
        <source>&amp;Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="163"/>
        <source>&amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="165"/>
        <source>&amp;Into parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="172"/>
        <source>&amp;OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="174"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrections</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="40"/>
        <source>Packed into the wrong parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="43"/>
        <source>Loaded onto the wrong bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="44"/>
        <source>Bag or label damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="45"/>
        <source>Duplicate or misprinted label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="48"/>
        <source>Test or training scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="49"/>
        <source>The goods came back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="50"/>
        <source>Voided by mistake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="51"/>
        <source>Other (say why in the note)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="78"/>
        <source>&amp;Remove from parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="79"/>
        <source>Move to &amp;another parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="80"/>
        <source>Re&amp;open parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="81"/>
        <source>&amp;Take off bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="82"/>
        <source>&amp;Void</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="83"/>
        <source>Restor&amp;e</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="99"/>
        <source>Take {code} out of {parent} ({n} children → {m}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="103"/>
        <source>Move {code} out of {parent} ({n} children → {m}) into the parent you scan below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="108"/>
        <source>Reopen {code} ({n} / {capacity} children) so more can be scanned in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="112"/>
        <source>Take {code} off bill {bill} ({n} parents → {m}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="116"/>
        <source>Void {code} and take it out of {parent} ({n} children → {m}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="120"/>
        <source>Void {code}: it counts nowhere until an admin restores it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="123"/>
        <source>Restore {code}: it can be packed and billed again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="129"/>
        <source>Jan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="130"/>
        <source>Feb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="131"/>
        <source>Mar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="132"/>
        <source>Apr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="133"/>
        <source>May</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="134"/>
        <source>Jun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="135"/>
        <source>Jul</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="136"/>
        <source>Aug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="137"/>
        <source>Sep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="138"/>
        <source>Oct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="139"/>
        <source>Nov</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="140"/>
        <source>Dec</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardTab</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="277"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="280"/>
        <source>Export &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="281"/>
        <source>Export &amp;PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="265"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="266"/>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="267"/>
        <source>This week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="268"/>
        <source>Custom…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="272"/>
        <source>Ran&amp;ge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="278"/>
        <source>E&amp;xport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="279"/>
        <source>E&amp;nd-of-day report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="303"/>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="321"/>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="329"/>
        <source>Station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="321"/>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="324"/>
        <source>Children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="321"/>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="324"/>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="365"/>
        <source>Parents completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="324"/>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="326"/>
        <source>Bill status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="326"/>
        <source>Bills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="330"/>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="331"/>
        <source>Last seq</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="332"/>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="333"/>
        <source>Lag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="364"/>
        <source>Children linked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="366"/>
        <source>Parent scans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="367"/>
        <source>Bills created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="368"/>
        <source>Bills completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="369"/>
        <source>Duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="370"/>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="371"/>
        <source>Corrections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="372"/>
        <source>Stations active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="377"/>
        <source>Parents open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="378"/>
        <source>Parents complete, not billed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="379"/>
        <source>Parents billed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="380"/>
        <source>Children in open parents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="412"/>
        <source>{first} to {last}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="424"/>
        <source>All stations, from the server · {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="427"/>
        <source>This station only (server not reachable) · {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="436"/>
        <source>This station&apos;s own records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="461"/>
        <source>Figures unavailable: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="477"/>
        <source>Children linked per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="477"/>
        <source>Children linked per hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="530"/>
        <source>Downloading {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="533"/>
        <source>Saved {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="537"/>
        <source>Could not save {name}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="548"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="562"/>
        <source>End-of-day report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="605"/>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="612"/>
        <source>Export PNG</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnrollPage</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="122"/>
        <source>Enroll this station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="123"/>
        <source>Type the enrollment code from the admin, then press Enroll.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="125"/>
        <source>&amp;Enroll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="157"/>
        <source>No OS keyring works on this computer, so the station&apos;s token cannot be kept there. Nothing has been sent yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="163"/>
        <source>Keep the token in a protected file instead:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="170"/>
        <source>Anyone who can log in as this computer&apos;s user can read that file and sync as this station: use it only on a station PC that is locked down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="189"/>
        <source>Type the enrollment code first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="196"/>
        <source>Enrolling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="219"/>
        <source>&amp;Save token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="222"/>
        <source>Enrolled, but the token could not be kept: {reason}. Choose where to keep it and press Save token; the code is not needed again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="229"/>
        <source>The token is kept in the OS keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="231"/>
        <source>The token is kept in {path}, readable only by this user.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Enrollment</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/enrollment.py" line="43"/>
        <source>The server refused the code ({reason}). Ask the admin for a new code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/enrollment.py" line="51"/>
        <source>Could not reach the server ({reason}). Check the address and the network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/enrollment.py" line="58"/>
        <source>Enrolled as {station}. This station now syncs to {url}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnrollmentCodeDialog</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="93"/>
        <source>Enrollment code for {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="96"/>
        <source>On station {name}, open Settings (or the first-run setup) and enter this code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="108"/>
        <source>It works once, until {when}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EodDialog</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="231"/>
        <source>End-of-day report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="234"/>
        <source>PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="235"/>
        <source>Excel workbook (XLSX)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="237"/>
        <source>&amp;Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="238"/>
        <source>&amp;Format</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="194"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="197"/>
        <source>Bags (with children, state, bill)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="198"/>
        <source>Bills (totals and weights)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="199"/>
        <source>Operator activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="200"/>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="205"/>
        <source>Excel workbook (XLSX)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="206"/>
        <source>CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="208"/>
        <source>&amp;What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="209"/>
        <source>&amp;Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="211"/>
        <source>Days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="213"/>
        <source>{first} to {last}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="320"/>
        <source>Set up TraceTrack Station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="355"/>
        <source>A scan was read ({code}) and not used: setup takes no scans. Try your scanner on the scanner test page.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_controller.py" line="53"/>
        <source>Importing spreadsheets needs the server; this station works offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_controller.py" line="93"/>
        <source>Type your password: the server records imports by name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_controller.py" line="96"/>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_controller.py" line="111"/>
        <source>The file cannot be read: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_controller.py" line="113"/>
        <source>The server cannot be reached; try again when it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_controller.py" line="114"/>
        <source>The server answered {status}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_controller.py" line="139"/>
        <source>Checking the sheet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_controller.py" line="202"/>
        <source>Saving the error report…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="46"/>
        <source>Child bag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="47"/>
        <source>Parent bag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="48"/>
        <source>Bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="57"/>
        <source>Duplicate: the child is in this parent already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="60"/>
        <source>Duplicate: the parent is on this bill already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="63"/>
        <source>Duplicate: this row was imported before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="66"/>
        <source>The child is in another parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="69"/>
        <source>The parent is full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="70"/>
        <source>No such bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="71"/>
        <source>The parent has never been packed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="74"/>
        <source>Not a bag code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="75"/>
        <source>Not a bill id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="76"/>
        <source>The child is a parent bag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="79"/>
        <source>The parent is a child bag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="82"/>
        <source>A child bag cannot go onto a bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="85"/>
        <source>The parent is on another bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="88"/>
        <source>The bill is completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="89"/>
        <source>The bill is full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="90"/>
        <source>The bag was voided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="91"/>
        <source>The child and the parent are the same code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="95"/>
        <source>A cell is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="96"/>
        <source>Repeated: an earlier row of the sheet names this bag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="107"/>
        <source>Imported {accepted} of {rows} rows; {duplicates} were recorded already and {refused} refused. New events on the server: {events}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="140"/>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="347"/>
        <source>Import spreadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="150"/>
        <source>&amp;Links: child bag → parent bag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="151"/>
        <source>&amp;Bills: parent bag → bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="157"/>
        <source>An .xlsx, .xls, .ods or .csv file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="158"/>
        <source>Bro&amp;wse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="172"/>
        <source>Sign in: the server records the import in your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="174"/>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="175"/>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="179"/>
        <source>Sheet and columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="181"/>
        <source>S&amp;heet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="185"/>
        <source>What the sheet holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="186"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="196"/>
        <source>Refused because</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="196"/>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="197"/>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="197"/>
        <source>Values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="197"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="200"/>
        <source>&amp;Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="201"/>
        <source>&amp;Save error report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="202"/>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="360"/>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="203"/>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="361"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="300"/>
        <source>Choose a spreadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="302"/>
        <source>Spreadsheets ({patterns})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="315"/>
        <source>Choose the spreadsheet first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="322"/>
        <source>Pick the column for: {roles}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="333"/>
        <source>Save the error report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="336"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="349"/>
        <source>Import {accepted} rows from “{file}”? {duplicates} rows are recorded already and change nothing; {refused} refused rows are left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="418"/>
        <source>Sheet “{sheet}”, {rows} rows: {accepted} would be imported, {duplicates} are recorded already, {refused} refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="434"/>
        <source>Columns: {columns}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="491"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="497"/>
        <source>Which columns hold what? Pick them, then press Check again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="502"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="504"/>
        <source>Importing… If you close this window the import goes on on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="524"/>
        <source>Error report saved as {path}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LiveStatusLabel</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/live_stats.py" line="290"/>
        <source>● live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/live_stats.py" line="290"/>
        <source>refreshing every 5 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/live_stats.py" line="292"/>
        <source>Figures update as soon as any station&apos;s scans reach the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/live_stats.py" line="294"/>
        <source>No live connection to the server: figures are fetched every 5 s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/login.py" line="37"/>
        <source>TraceTrack Station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/login.py" line="44"/>
        <source>Log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/login.py" line="48"/>
        <source>Or scan your badge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/login.py" line="50"/>
        <source>&amp;Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/login.py" line="51"/>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/login.py" line="83"/>
        <source>Type your username, then your password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lookup</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/workflow_station.py" line="272"/>
        <source>this station</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LookupTab</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="51"/>
        <source>Scan or type any bag code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="52"/>
        <source>&amp;Look up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="59"/>
        <source>VOIDED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="67"/>
        <source>Correct:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="72"/>
        <source>Did you mean:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="79"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="80"/>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="81"/>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="82"/>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="83"/>
        <source>Station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="84"/>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="98"/>
        <source>Children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="101"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="138"/>
        <source>Asking the server about {code}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="166"/>
        <source>Scan or type a code to see its bags, bill and history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="170"/>
        <source>From the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="172"/>
        <source>From this station only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="175"/>
        <source>{code} is not known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="176"/>
        <source>Check the label and scan it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="184"/>
        <source>{code} is voided: it counts nowhere until an admin restores it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="190"/>
        <source>Parent {code}: {n} children, {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="196"/>
        <source>Child {code} in parent {parent}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="197"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="201"/>
        <source>Bill: {bill}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="201"/>
        <source>not on a bill</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/main_window.py" line="71"/>
        <source>TraceTrack Station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/main_window.py" line="105"/>
        <source>sound off: no audio device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/main_window.py" line="112"/>
        <source>Undo last link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/main_window.py" line="113"/>
        <source>Finish parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/main_window.py" line="114"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/main_window.py" line="115"/>
        <source>Log out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/main_window.py" line="116"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/main_window.py" line="124"/>
        <source>Close the station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/main_window.py" line="146"/>
        <source>&amp;Scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/main_window.py" line="147"/>
        <source>&amp;Bills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/main_window.py" line="148"/>
        <source>&amp;Lookup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/main_window.py" line="149"/>
        <source>&amp;Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/main_window.py" line="150"/>
        <source>Ad&amp;min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="28"/>
        <source>{code} into {parent}: {count} / {capacity}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="29"/>
        <source>{holder} already holds this child ({code}) — put it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="30"/>
        <source>{code} is already in {parent} ({count} / {capacity}). Nothing to do; scan the next child.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="34"/>
        <source>{parent} is complete ({count} / {capacity}). Close it and scan the next parent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="38"/>
        <source>{parent} is complete: {count} / {capacity}. Scan the next parent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="41"/>
        <source>{code} opened (0 / {capacity}). Scan its children.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="42"/>
        <source>Resuming {code} ({count} / {capacity}). Scan its children.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="43"/>
        <source>{code} is already open ({count} / {capacity}). Keep scanning its children.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="46"/>
        <source>Now filling {code} ({count} / {capacity}). {previous} stays open at {pcount} / {pcapacity}; scan it again to resume it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="50"/>
        <source>{code} is already complete ({count} / {capacity}). Scan the next parent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="53"/>
        <source>{code} is already complete ({count} / {capacity}). Keep filling {previous} ({pcount} / {pcapacity}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="57"/>
        <source>Scan a parent bag first: {code} is a child bag. Put it aside, scan the parent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="61"/>
        <source>Finish {parent} with only {count} / {capacity}? Press FINISH again or CONFIRM to finish it; CANCEL to keep scanning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="65"/>
        <source>Not finished. Keep scanning children of {parent} ({count} / {capacity}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="68"/>
        <source>{parent} finished with {count} children. Close it and scan the next parent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="72"/>
        <source>{parent} was already complete. Scan the next parent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="73"/>
        <source>No parent is open to finish. Scan a parent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="74"/>
        <source>{parent} has no children yet. Scan its children, or scan another parent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="77"/>
        <source>Nothing to confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="78"/>
        <source>Nothing to cancel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="79"/>
        <source>Nothing to undo in this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="80"/>
        <source>Undone: take {child} out of {parent} ({count} / {capacity}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="83"/>
        <source>Undone: take {child} out of {parent} ({count} / {capacity}). {again} is open again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="87"/>
        <source>{child} is no longer in {parent}; nothing to undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="88"/>
        <source>Log in first, then scan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="89"/>
        <source>Welcome, {name}. Scan a parent bag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="90"/>
        <source>Welcome, {name}. Scan or create a bill.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="91"/>
        <source>Welcome, {name}. Scan a bag to look it up, or open the dashboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="94"/>
        <source>{name} logged out. Log in to scan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="95"/>
        <source>Log in to scan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="96"/>
        <source>{code} holds {count} of {capacity} children. Scan it again or press Confirm to put it on the bill anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="100"/>
        <source>{parent} on bill {bill}: {count} / {capacity}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="101"/>
        <source>Bill {bill} created for {capacity} parents. Scan its parent bags.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="104"/>
        <source>{code} stays off bill {bill}. Scan the next parent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="105"/>
        <source>Open or create a bill first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="106"/>
        <source>Open a bill first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="107"/>
        <source>There is no bill {bill} here. Create it first (or wait for sync).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="110"/>
        <source>{code} is already on another bill ({bill}). Take it off that bill first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="113"/>
        <source>Unknown bag {code}: it has never been packed. Send it to a packing station.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="117"/>
        <source>Wrong bag type: {code} is a child bag. Only parent bags go onto a bill.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="120"/>
        <source>Invalid format: {code} is not a bag code. Scan the parent bag&apos;s label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="123"/>
        <source>Unknown bill {bill}. Create it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="124"/>
        <source>Bill full ({capacity} parents). Complete it, or raise its capacity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="127"/>
        <source>Bill full ({capacity} parent). Complete it, or raise its capacity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="130"/>
        <source>{code} is not a parent or child label. Scan the bag&apos;s own label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="133"/>
        <source>Bill mode: scan or create a bill.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="134"/>
        <source>Bill mode: bill {bill} is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="135"/>
        <source>Scan mode: scan a parent bag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="136"/>
        <source>{code} taken out of {parent} and voided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="137"/>
        <source>{code} voided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="138"/>
        <source>{code} restored; it can be used again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="139"/>
        <source>{parent} reopened ({count} / {capacity}); scan more children.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="142"/>
        <source>{code} moved from {source} to {target}: {count} / {capacity}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="145"/>
        <source>{code} removed from {parent} ({count} / {capacity}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="146"/>
        <source>{code} taken off bill {bill}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="147"/>
        <source>Bill {bill} completed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="148"/>
        <source>Bill {bill} reopened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="149"/>
        <source>{code} returned from bill {bill}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="150"/>
        <source>No scans for {minutes} minutes: scan a parent to continue ({parent} stays open at {count} / {capacity}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="154"/>
        <source>{code} was read twice in a row by the scanner; it counts once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="157"/>
        <source>Two labels ran together in one read; neither was counted. Check that the scanner ends each read with Enter or Tab. Scan the label again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="161"/>
        <source>Only the end of a label arrived (its start went elsewhere); it was not counted. Scan the label again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="165"/>
        <source>Typed keys and a scan ran together in the scan line; neither was counted. Scan the label again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="169"/>
        <source>The scanner sent a read shorter than any label; it was not counted. Scan the label again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="173"/>
        <source>This badge belongs to nobody. Log in by name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="174"/>
        <source>Wrong user name or password. Check and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="175"/>
        <source>Wrong user name or password. {left} tries left before the account locks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="178"/>
        <source>The account {user} is disabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="179"/>
        <source>Bill {bill} completed with {count} parents (capacity lowered from {capacity}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="183"/>
        <source>Bill {bill} has no parents yet: scan parents onto it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="186"/>
        <source>{code} is a child bag; only parent bags go onto a bill.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="187"/>
        <source>{code} is already on bill {bill}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="188"/>
        <source>{code} is already on bill {bill}. Take it off there first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="189"/>
        <source>Bill {bill} is completed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="190"/>
        <source>Bill {bill} is full ({count} / {capacity}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="191"/>
        <source>{code} is full ({count} / {capacity}). Scan a new parent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="192"/>
        <source>{code} was voided; put it aside (an admin may restore it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="193"/>
        <source>Nothing to change on bill {bill}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="194"/>
        <source>label number {label} from a long label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="196"/>
        <source>Welcome, {name}. {next_step}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="197"/>
        <source>Scan a parent bag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="198"/>
        <source>Scan or create a bill.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="199"/>
        <source>Scan a bag to look it up, or open the dashboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="200"/>
        <source>{message} Log in first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="201"/>
        <source>{message} Scan the label again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="202"/>
        <source>That request timed out. {again}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="203"/>
        <source>Scan {parent} again if you still want it on the bill.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="204"/>
        <source>Press FINISH again if you still want to finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="205"/>
        <source>Undone: take {child} out of {parent} ({count} / {capacity}).{again}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="208"/>
        <source> {parent} is open again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="209"/>
        <source>A {role} cannot {what}. Ask an admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="210"/>
        <source>A nobody cannot {what}. Ask an admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="211"/>
        <source>pack bags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="212"/>
        <source>work on bills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="213"/>
        <source>create bills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="214"/>
        <source>change bills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="215"/>
        <source>complete bills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="216"/>
        <source>reopen bills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="217"/>
        <source>handle returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="218"/>
        <source>This label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="219"/>
        <source>Bill full ({capacity} {parents}). Complete it, or raise its capacity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="222"/>
        <source>Bill {bill} changed: {changes}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="223"/>
        <source>capacity {old} → {new}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="224"/>
        <source>destination {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="225"/>
        <source>vehicle {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="226"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="227"/>
        <source>{what} needs both the child and its parent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="228"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="229"/>
        <source>Removing a child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="230"/>
        <source>{code} is not in {parent}; {where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="231"/>
        <source>it is in {parent}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="232"/>
        <source>{code} is in no parent bag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="233"/>
        <source>Parent {code}: {count} children, {status}{where}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="234"/>
        <source>, on bill {bill}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="236"/>
        <source>Bill {bill} ({state}): {count} / {capacity} parents. Scan its parent bags.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="239"/>
        <source>Bill {bill} is open again ({count} / {capacity} parents). Scan parents onto it, or edit its capacity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="243"/>
        <source>{code} is not a bill id or bag code. Scan the bill or the bag label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="246"/>
        <source>{code} is not a bag code. Scan the parent bag&apos;s label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="247"/>
        <source>There is no bill {bill}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="248"/>
        <source>{code} is a parent bag: open or create a bill first, then scan it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="251"/>
        <source>Bill {bill} already holds {count} parents: its capacity cannot go below {least}. Take parents off first to go lower.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="256"/>
        <source>Too many wrong passwords: {user} is locked until {time}. Wait, or ask a supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="260"/>
        <source>{user} has no station role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="261"/>
        <source>{user} is not an operator known to this station. Check the name, or let the station sync once with the server to receive the operator list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="265"/>
        <source>{user} is a {role} and cannot scan bags.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="266"/>
        <source>{tries} wrong passwords: {user} is locked for {minutes} minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="270"/>
        <source>Child {code} is in {parent}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="271"/>
        <source>Child {code} is free.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="272"/>
        <source>Bill {bill}: {count} / {capacity} parents, {actual} of {expected} kg, {status}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="276"/>
        <source>{code} is voided: it counts nowhere until an admin restores it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="279"/>
        <source>{code} is not known at this station (it may not have synced yet).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="283"/>
        <source>A {role} cannot correct bags. Ask a biller or an admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="284"/>
        <source>Only an admin can restore a voided bag; a {role} cannot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="285"/>
        <source>{code} is in no parent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="286"/>
        <source>Scan or type the parent to move it into.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="287"/>
        <source>{code} is on no bill.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="288"/>
        <source>Log in first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="289"/>
        <source>Pick the reason for this correction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="290"/>
        <source>Say why in the note (the reason is Other).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="291"/>
        <source>Keep the note under {limit} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="293"/>
        <source>{code} moved from {source}; {target} is complete: {count} / {capacity}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="296"/>
        <source>{parent} finished with {count} children.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="297"/>
        <source>Bill {bill} created for {capacity} parents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="298"/>
        <source>Bill {bill} updated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="299"/>
        <source>Refused read recorded ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="300"/>
        <source>Unknown event type {type}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="301"/>
        <source>Pick why this correction is made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="302"/>
        <source>{reason} is not a correction reason; pick one from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="305"/>
        <source>The reason is &apos;other&apos;: say why in a note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="306"/>
        <source>No parent code was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="307"/>
        <source>{code} is a child bag, not a parent. Scan a parent bag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="308"/>
        <source>{code} is not a parent bag code. Scan a parent label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="309"/>
        <source>{code} is already complete with {count} children.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="310"/>
        <source>{code}: scan its children ({count} / {capacity}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="311"/>
        <source>No child code was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="312"/>
        <source>{code} cannot go into itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="313"/>
        <source>{code} is a parent bag, not a child. Scan a child label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="314"/>
        <source>{code} is not a child bag code. Scan a child label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="315"/>
        <source>{code} is already in {parent}. Nothing to do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="316"/>
        <source>{holder} already holds {code}. Put it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="317"/>
        <source>Undone: {code} is out of {parent} ({count} / {capacity}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="318"/>
        <source>Name the parent the child leaves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="319"/>
        <source>{code} is not a known bag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="320"/>
        <source>{code} is already complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="321"/>
        <source>{code} has no children; scan some before finishing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="322"/>
        <source>{code} is open already; nothing to reopen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="323"/>
        <source>{code} holds {count} / {capacity}: remove a child first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="324"/>
        <source>No bag code was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="325"/>
        <source>{code} is voided already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="326"/>
        <source>{code} is on bill {bill}: take it off the bill first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="327"/>
        <source>{code} still holds children: move or remove its {count} children first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="330"/>
        <source>{code} is not voided; nothing to restore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="331"/>
        <source>A bill holds 1 to {limit} parents, not {capacity}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="332"/>
        <source>The bill already holds {count} parents; capacity cannot be {capacity}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="335"/>
        <source>data.{field} must be text of up to 200 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="336"/>
        <source>Bill {bill} exists already; open it instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="337"/>
        <source>{code} is not a bag code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="338"/>
        <source>There is no bill {bill}. Create it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="339"/>
        <source>{code} has never been packed; pack it at a station first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="340"/>
        <source>{code} is not on bill {bill}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="341"/>
        <source>Bill {bill} is already completed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="342"/>
        <source>Bill {bill} holds {count} of {capacity} parents; lower its capacity to close it early.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="346"/>
        <source>Bill {bill} is open already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="347"/>
        <source>{code} is not on any bill.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="348"/>
        <source>{code} is not in {parent}; nothing to undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="349"/>
        <source>No bill id was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="350"/>
        <source>{bill} is not a valid bill id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="352"/>
        <source>The scanner sent binary noise, not a barcode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="353"/>
        <source>This read holds more than one line (two labels ran together); check the scanner&apos;s suffix setting and scan again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="357"/>
        <source>The read is {length} characters long; no label is over {limit}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="360"/>
        <source>The scanner sent an empty read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="361"/>
        <source>The scanner sent unreadable characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="362"/>
        <source>The GS1 barcode could not be read: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="363"/>
        <source>EAN/UPC barcode failed its check: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="364"/>
        <source>GS1 barcode failed its check: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="365"/>
        <source>Two labels ran together in one read; neither was counted. Check that the scanner ends each read with Enter or Tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="369"/>
        <source>Only the end of a label arrived (its start went elsewhere); it was not counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="373"/>
        <source>Typed keys and a scan ran together in the scan line; neither was counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="376"/>
        <source>The scanner sent a read shorter than any label; it was not counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="379"/>
        <source>The scanner sent a label without Enter or Tab at the end; it was not counted. Set its suffix, or choose &apos;no suffix&apos; in Settings, Scanners.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="383"/>
        <source>The read was not whole; scan it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="384"/>
        <source>The scanner sent more than {limit} characters without an end of line; check its terminator setting.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewStationDialog</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="58"/>
        <source>New station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="60"/>
        <source>e.g. Lucknow-3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="62"/>
        <source>(no area)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="66"/>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="67"/>
        <source>&amp;Area</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OperatorPage</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="274"/>
        <source>First operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="275"/>
        <source>This person becomes the station&apos;s admin and can add others.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="283"/>
        <source>&amp;Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="284"/>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="285"/>
        <source>Password &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="293"/>
        <source>Use 2 to 32 lower-case letters, digits, dot, dash or underscore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="295"/>
        <source>The password needs at least {n} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="297"/>
        <source>The two passwords differ; type them again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OperatorWidget</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/statusbar/operator.py" line="23"/>
        <source>Log out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/statusbar/operator.py" line="34"/>
        <source>{name} ({role})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/statusbar/operator.py" line="36"/>
        <source>Nobody logged in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="176"/>
        <source>New password for {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PendingWidget</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/statusbar/pending.py" line="44"/>
        <source>All synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/statusbar/pending.py" line="47"/>
        <source>{n} waiting to sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/statusbar/pending.py" line="30"/>
        <location filename="../../tracetrack_desktop/ui/statusbar/pending.py" line="51"/>
        <source>{n} waiting to sync (oldest {age})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="397"/>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="398"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="399"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="400"/>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="401"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QWizard</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="393"/>
        <source>&lt; &amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="394"/>
        <source>&amp;Next &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="395"/>
        <source>&amp;Finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="396"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RulesPage</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="39"/>
        <source>parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="40"/>
        <source>child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="41"/>
        <source>bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="42"/>
        <source>command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="43"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="72"/>
        <source>Series name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="73"/>
        <source>Pattern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="74"/>
        <source>Children per parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="75"/>
        <source>kg per parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="82"/>
        <source>Add &amp;series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="83"/>
        <source>Remove s&amp;eries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="87"/>
        <source>Parent pattern, e.g. &quot;SB followed by 5 digits&quot;: SB[0-9]{5}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="91"/>
        <source>Child pattern, e.g. 4 to 20 capital letters or digits: [A-Z0-9]{4,20}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="94"/>
        <source>Bill pattern, e.g. BILL- and 6 digits: BILL-[0-9]{6}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="96"/>
        <source>One code per line, e.g. SB00042</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="97"/>
        <source>&amp;Try codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="100"/>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="100"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="100"/>
        <source>Series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="100"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="105"/>
        <source>&amp;Publish to every station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="114"/>
        <source>&amp;Child pattern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="116"/>
        <source>&amp;Bill pattern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="119"/>
        <source>Try codes against these rules (not saved):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="129"/>
        <source>Parent series:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="198"/>
        <source>Type at least one code to try.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="215"/>
        <source>The child pattern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="217"/>
        <source>The parent series {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="221"/>
        <source>{what} matches no code a scanner can deliver (codes are read in capitals).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="224"/>
        <source>{what} matches almost anything, even {examples}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="233"/>
        <source>The site uses the default rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="235"/>
        <source>Version {version} of the site&apos;s rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="258"/>
        <source>Version {version} published to every station.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="262"/>
        <source>Code rules published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="267"/>
        <source>Someone else changed the code rules meanwhile: showing theirs; make your change again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScanTab</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="64"/>
        <source>Yes, finish (F10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="65"/>
        <source>No, keep scanning (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="74"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="74"/>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="74"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="74"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="95"/>
        <source>Type a code and press Enter (scanners need no click)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="97"/>
        <source>Undo last (F9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="98"/>
        <source>Finish parent (F10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="137"/>
        <source>LOG IN TO SCAN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="138"/>
        <source>SCAN PARENT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="139"/>
        <source>SCAN CHILDREN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="140"/>
        <source>FINISH EARLY?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="141"/>
        <source>SCAN PARENTS ONTO BILL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="149"/>
        <source>Parent {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="152"/>
        <source>No parent open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="159"/>
        <source>{parent} has only {n} of {cap} children. Finish it anyway? Press F10 or scan CONFIRM to finish, Esc or scan CANCEL to keep scanning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="180"/>
        <source>GOOD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="181"/>
        <source>PARENT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="182"/>
        <source>COMPLETE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="183"/>
        <source>DUPLICATE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="184"/>
        <source>ERROR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="185"/>
        <source>INFO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="186"/>
        <source>CONFIRM?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScannerAlarm</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/statusbar/scanner_alarm.py" line="25"/>
        <source>SCANNER DISCONNECTED: {names}. Check the cable or power; scans from it are not being read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScannerPage</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="248"/>
        <source>Test your scanner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="249"/>
        <source>Scan any bag label. You can skip this and test later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="264"/>
        <source>These scanner settings are saved when you finish; you can change them later in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScannerProfile</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="309"/>
        <source>Slowest gap between keys in {reads} reads: {slowest} ms. Key gap: {gap} ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="313"/>
        <source>The scanner ends each code with {key}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="314"/>
        <source>The scanner sends nothing after a code: a read will end after a short pause.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="318"/>
        <source>The reads ended with different keys: Enter and Tab will both end a read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="322"/>
        <source>This scanner types almost as slowly as a person; set a prefix on the scanner (see docs/scanners.md) and enter it here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScannerTestPanel</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="66"/>
        <source>Scan &amp;here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="68"/>
        <source>Scan a label now. Nothing is recorded while you test.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="75"/>
        <source>&amp;Use these settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="88"/>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="89"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="90"/>
        <source>Code and kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="91"/>
        <source>Symbology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="92"/>
        <source>GS1 fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="93"/>
        <source>Gaps between keys (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="122"/>
        <source>refused: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="129"/>
        <source>none sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="136"/>
        <source>{gaps}
total {total:.0f} ms, slowest gap {worst:.0f} ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="141"/>
        <source>(serial scanner: no keystroke timing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="162"/>
        <source>Scan the same label a few times to learn this scanner&apos;s settings: {done} of {need}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScannersWidget</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/statusbar/scanners.py" line="34"/>
        <source>Scanners: keyboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/statusbar/scanners.py" line="37"/>
        <source>Scanners: {list}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerPage</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="71"/>
        <source>Where is the server?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="73"/>
        <source>Type the address your admin gave you, or run this station on its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="77"/>
        <source>&amp;Offline only: no server for now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="80"/>
        <source>Server &amp;address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="83"/>
        <source>Station settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="88"/>
        <source>Offline only (no server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="91"/>
        <source>Allow &amp;unencrypted http:// to this server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="97"/>
        <source>Without https://, the users&apos; password hashes and every scan travel over the network unencrypted: anyone on it can read or change them. Allow this only on a network you trust, until the server has TLS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="103"/>
        <source>code from the admin, e.g. K7QF-92XD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="104"/>
        <source>&amp;Enroll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="109"/>
        <source>Server &amp;address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="116"/>
        <source>Enrollment code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="118"/>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="121"/>
        <source>None (keyboard scanners only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="142"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="147"/>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="155"/>
        <source>Serial &amp;port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="156"/>
        <source>&amp;Baud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="157"/>
        <source>&amp;Terminator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="160"/>
        <source>Keyboard scanner: slowest key gap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="166"/>
        <source>Keyboard scanner: shortest code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="172"/>
        <source>Keyboard scanner: prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="178"/>
        <source>Keyboard scanner: no suffix, submit after (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="183"/>
        <source>Scanners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="186"/>
        <source>Test your scanner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="194"/>
        <source>Parent patterns (space-separated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="198"/>
        <source>Child pattern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="202"/>
        <source>These are the site&apos;s rules, set on the server by an admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="205"/>
        <source>Code rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="207"/>
        <source>&amp;Mute sounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="209"/>
        <source>&amp;High-contrast colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="211"/>
        <source>&amp;Kiosk mode from the next start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="214"/>
        <source>Full screen; only an admin can close it; started again after a crash (tracetrack-station --kiosk does the same).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="228"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="229"/>
        <source>Sounds and language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="275"/>
        <source>Automatic (CR, LF or CRLF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="276"/>
        <source>A pause (no suffix)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="331"/>
        <source>Type the enrollment code first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="334"/>
        <source>Enrolling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="350"/>
        <source>Learned from {n} test reads; press OK to keep.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsErrors</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="73"/>
        <source>Enter a full address such as https://tracetrack.example.com, or tick offline only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="77"/>
        <source>This address is not encrypted (http:// to another machine). Use https://, or tick the box below to allow it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="82"/>
        <source>This address is not encrypted (http:// to another machine). Use https://, or choose offline only now and allow plain http later in Settings, Server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="87"/>
        <source>Choose what your scanner sends after each code, or AUTO for CR, LF or CRLF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="91"/>
        <source>A scanner types faster than people: use 5 to 200 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="94"/>
        <source>Use 1 to 64 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="95"/>
        <source>Use up to 8 characters without spaces, exactly as set on the scanner, e.g. ~.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="99"/>
        <source>Use off (0) or 100 to 2000 ms, and no less than the slowest key gap.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="103"/>
        <source>Give at least one parent pattern, e.g. SB\d{5}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="106"/>
        <source>This pattern refuses plain child labels such as 0016586; widen it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="109"/>
        <source>Choose English or Hindi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="110"/>
        <source>Choose one of the listed speeds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="111"/>
        <source>Not a valid pattern:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInPanel</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/admin_tab.py" line="41"/>
        <source>Sign in to manage the site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/admin_tab.py" line="43"/>
        <source>The Admin screen changes the site on the server: give your password again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/admin_tab.py" line="52"/>
        <source>Sign &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/admin_tab.py" line="55"/>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/admin_tab.py" line="56"/>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StationApp</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/app.py" line="340"/>
        <source>This station stays open: an admin can close it (log in, then Ctrl+Q).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/app.py" line="424"/>
        <source>Logged in as {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/app.py" line="446"/>
        <source>Logged out after a long idle time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/app.py" line="535"/>
        <source>Keys typed here went nowhere ({text}): click a field, then type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/app.py" line="624"/>
        <source>Server not reachable ({reason}); showing this station&apos;s records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/app.py" line="687"/>
        <source>the server makes these files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/app.py" line="721"/>
        <source>{n} scans lost to another station; click the conflicts count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/app.py" line="732"/>
        <source>The server no longer accepts this station. Scans are kept here; ask an admin for an enrollment code and enter it in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/app.py" line="773"/>
        <source>Settings saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/app.py" line="814"/>
        <source>Enrollment is not available.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StationsPage</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="38"/>
        <source>waiting to enroll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="39"/>
        <source>code expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="40"/>
        <source>enrolled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="41"/>
        <source>revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="42"/>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="131"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="132"/>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="133"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="134"/>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="135"/>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="139"/>
        <source>&amp;New station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="140"/>
        <source>New &amp;code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="141"/>
        <source>&amp;Revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="179"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="194"/>
        <source>Station {name} revoked: it can no longer sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="214"/>
        <source>A new enrollment code for {name}? Its current token stops working until it enrolls with the new code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="217"/>
        <source>New code for {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="229"/>
        <source>Revoke station {name}? It stops syncing at once; scans it has not sent yet stay on it until it is enrolled again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="232"/>
        <source>Revoke {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="530"/>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="531"/>
        <source>processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="532"/>
        <source>completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="534"/>
        <source>dispatcher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="535"/>
        <source>biller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="536"/>
        <source>supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="537"/>
        <source>admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="539"/>
        <source>parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="540"/>
        <source>child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="541"/>
        <source>bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="542"/>
        <source>command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="543"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="544"/>
        <source>keyboard scanner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="545"/>
        <source>serial scanner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="546"/>
        <source>typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="547"/>
        <source>keyboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="549"/>
        <source>connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="550"/>
        <source>ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="551"/>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="552"/>
        <source>listening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="553"/>
        <source>reconnecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="554"/>
        <source>disconnected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="62"/>
        <source>Add a user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="62"/>
        <source>Edit a user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="71"/>
        <source>(no area)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="82"/>
        <source>Scan the badge here, or leave empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="84"/>
        <source>&amp;Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="85"/>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="86"/>
        <source>&amp;Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="87"/>
        <source>&amp;Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="88"/>
        <source>&amp;Badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="109"/>
        <source>Type a username.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="42"/>
        <source>disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="44"/>
        <source>locked until {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="47"/>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="144"/>
        <source>At least 8 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="146"/>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="147"/>
        <source>Password &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="162"/>
        <source>Type the password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="164"/>
        <source>The two passwords differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="208"/>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="209"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="210"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="211"/>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="212"/>
        <source>Badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="213"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="218"/>
        <source>&amp;Add user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="219"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="220"/>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="253"/>
        <source>&amp;Disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="221"/>
        <source>Reset &amp;password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="253"/>
        <source>&amp;Enable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="280"/>
        <source>User {name} added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="281"/>
        <source>User {name} saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="282"/>
        <source>User {name} disabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="283"/>
        <source>User {name} enabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="284"/>
        <source>New password set for {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="313"/>
        <source>Disable {name}? They can no longer log in anywhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="314"/>
        <source>Disable {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
