<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BillsTab</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="59"/>
        <source>&amp;Create bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="60"/>
        <source>&amp;Open bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="62"/>
        <source>Bill &amp;id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="63"/>
        <source>Ca&amp;pacity (parents)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="64"/>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="65"/>
        <source>Vehicle number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="69"/>
        <source>Create or open a bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="78"/>
        <source>Record &amp;return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="79"/>
        <source>Return ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="81"/>
        <source>Ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="82"/>
        <source>C&amp;&amp;F location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="83"/>
        <source>Parent bag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="102"/>
        <source>Parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="102"/>
        <source>Children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="102"/>
        <source>Expected kg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="109"/>
        <source>Scan or type a parent bag to put on this bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="110"/>
        <source>Re&amp;move selected parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="111"/>
        <source>Com&amp;plete bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="112"/>
        <source>Close bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="146"/>
        <source>Type a bill id first, e.g. BILL-2025-001.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="158"/>
        <source>Type or scan the id of the bill to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="165"/>
        <source>Select a parent in the list, then press Remove.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="180"/>
        <source>Scan or type the returned parent bag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="202"/>
        <source>NO BILL OPEN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="203"/>
        <source>Create a bill or open one to scan parents onto it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="211"/>
        <source>BILL {id} · {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="214"/>
        <source>Destination: {dest} · Vehicle: {veh}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="221"/>
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
        <location filename="../../tracetrack_desktop/ui/statusbar/connection.py" line="20"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/statusbar/connection.py" line="22"/>
        <source>● Online · last sync {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/statusbar/connection.py" line="25"/>
        <source>○ Offline · last sync {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/statusbar/connection.py" line="32"/>
        <source>Offline-only station</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardTab</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="102"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="103"/>
        <source>Export &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="104"/>
        <source>Export &amp;PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="125"/>
        <source>Children linked per hour today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="133"/>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="141"/>
        <source>Station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="133"/>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="136"/>
        <source>Children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="133"/>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="136"/>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="169"/>
        <source>Parents completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="136"/>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="138"/>
        <source>Bill status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="138"/>
        <source>Bills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="142"/>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="143"/>
        <source>Last seq</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="144"/>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="145"/>
        <source>Lag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="168"/>
        <source>Children linked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="170"/>
        <source>Parent scans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="171"/>
        <source>Bills created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="172"/>
        <source>Bills completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="173"/>
        <source>Duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="174"/>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="175"/>
        <source>Stations active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="183"/>
        <source>All stations, from the server · {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="186"/>
        <source>This station only (server not reachable) · {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="203"/>
        <source>Figures unavailable: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="264"/>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="271"/>
        <source>Export PNG</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnrollPage</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="86"/>
        <source>Enroll this station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="87"/>
        <source>Type the enrollment code from the admin, then press Enroll.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="89"/>
        <source>&amp;Enroll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="104"/>
        <source>Type the enrollment code first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="107"/>
        <source>Enrolling…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Enrollment</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/enrollment.py" line="37"/>
        <source>The server refused the code ({reason}). Ask the admin for a new code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/enrollment.py" line="45"/>
        <source>Could not reach the server ({reason}). Check the address and the network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/enrollment.py" line="52"/>
        <source>Enrolled as {station}. This station now syncs to {url}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="179"/>
        <source>Set up TraceTrack Station</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/login.py" line="29"/>
        <source>TraceTrack Station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/login.py" line="36"/>
        <source>Log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/login.py" line="40"/>
        <source>Or scan your badge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/login.py" line="42"/>
        <source>&amp;Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/login.py" line="43"/>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/login.py" line="66"/>
        <source>Type your username, then your password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LookupTab</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="37"/>
        <source>Scan or type any bag code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="38"/>
        <source>&amp;Look up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="44"/>
        <source>Did you mean:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="51"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="52"/>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="53"/>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="54"/>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="55"/>
        <source>Station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="66"/>
        <source>Children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="69"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="100"/>
        <source>Asking the server about {code}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="111"/>
        <source>Scan or type a code to see its bags, bill and history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="116"/>
        <source>From the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="118"/>
        <source>From this station only (server not reachable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="121"/>
        <source>{code} is not known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="122"/>
        <source>Check the label and scan it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="130"/>
        <source>Parent {code}: {n} children, {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="136"/>
        <source>Child {code} in parent {parent}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="137"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="141"/>
        <source>Bill: {bill}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="141"/>
        <source>not on a bill</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/main_window.py" line="58"/>
        <source>TraceTrack Station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/main_window.py" line="94"/>
        <source>Undo last link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/main_window.py" line="95"/>
        <source>Finish parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/main_window.py" line="96"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/main_window.py" line="97"/>
        <source>Log out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/main_window.py" line="98"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/main_window.py" line="123"/>
        <source>&amp;Scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/main_window.py" line="124"/>
        <source>&amp;Bills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/main_window.py" line="125"/>
        <source>&amp;Lookup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/main_window.py" line="126"/>
        <source>&amp;Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OperatorPage</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="133"/>
        <source>First operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="134"/>
        <source>This person becomes the station&apos;s admin and can add others.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="142"/>
        <source>&amp;Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="143"/>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="144"/>
        <source>Password &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="152"/>
        <source>Use 2 to 32 lower-case letters, digits, dot, dash or underscore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="154"/>
        <source>The password needs at least {n} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="156"/>
        <source>The two passwords differ; type them again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OperatorWidget</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/statusbar/operator.py" line="21"/>
        <source>Log out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/statusbar/operator.py" line="31"/>
        <source>{name} ({role})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/statusbar/operator.py" line="33"/>
        <source>Nobody logged in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PendingWidget</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/statusbar/pending.py" line="36"/>
        <source>All synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/statusbar/pending.py" line="39"/>
        <source>{n} waiting to sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/statusbar/pending.py" line="43"/>
        <source>{n} waiting to sync (oldest {age})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScanTab</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="63"/>
        <source>Yes, finish (F10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="64"/>
        <source>No, keep scanning (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="73"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="73"/>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="73"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="73"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="84"/>
        <source>Type a code and press Enter (scanners need no click)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="86"/>
        <source>Undo last (F9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="87"/>
        <source>Finish parent (F10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="124"/>
        <source>LOG IN TO SCAN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="125"/>
        <source>SCAN PARENT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="126"/>
        <source>SCAN CHILDREN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="127"/>
        <source>FINISH EARLY?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="128"/>
        <source>SCAN PARENTS ONTO BILL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="135"/>
        <source>Parent {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="138"/>
        <source>No parent open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="145"/>
        <source>{parent} has only {n} of {cap} children. Finish it anyway? Press F10 or scan CONFIRM to finish, Esc or scan CANCEL to keep scanning.</source>
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
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="123"/>
        <source>Test your scanner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="124"/>
        <source>Scan any bag label. You can skip this and test later.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScannerTestPanel</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="23"/>
        <source>Scan a label now. Nothing is recorded while you test.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="34"/>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="35"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="36"/>
        <source>Code and kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="37"/>
        <source>Symbology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="38"/>
        <source>GS1 fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="39"/>
        <source>Gaps between keys (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="50"/>
        <source>refused: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="56"/>
        <source>none sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="63"/>
        <source>{gaps}
total {total:.0f} ms, slowest gap {worst:.0f} ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="68"/>
        <source>(serial scanner: no keystroke timing)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScannersWidget</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/statusbar/scanners.py" line="28"/>
        <source>Scanners: keyboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/statusbar/scanners.py" line="31"/>
        <source>Scanners: {list}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerPage</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="49"/>
        <source>Where is the server?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="51"/>
        <source>Type the address your admin gave you, or run this station on its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="55"/>
        <source>&amp;Offline only: no server for now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="58"/>
        <source>Server &amp;address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="75"/>
        <source>Station settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="80"/>
        <source>Offline only (no server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="83"/>
        <source>code from the admin, e.g. K7QF-92XD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="84"/>
        <source>&amp;Enroll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="89"/>
        <source>Server &amp;address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="94"/>
        <source>Enrollment code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="96"/>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="99"/>
        <source>None (keyboard scanners only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="121"/>
        <source>Serial &amp;port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="122"/>
        <source>&amp;Baud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="123"/>
        <source>&amp;Terminator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="126"/>
        <source>Keyboard scanner: slowest key gap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="132"/>
        <source>Keyboard scanner: shortest code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="136"/>
        <source>Scanners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="139"/>
        <source>Test your scanner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="147"/>
        <source>Parent patterns (space-separated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="151"/>
        <source>Child pattern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="152"/>
        <source>Code rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="154"/>
        <source>&amp;Mute sounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="156"/>
        <source>&amp;High-contrast colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="166"/>
        <source>&amp;Language (after restart)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="167"/>
        <source>Sounds and language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="242"/>
        <source>Type the enrollment code first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="245"/>
        <source>Enrolling…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsErrors</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="46"/>
        <source>Enter a full address such as https://tracetrack.example.com, or tick offline only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="50"/>
        <source>Choose the key your scanner sends after each code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="53"/>
        <source>A scanner types faster than people: use 5 to 200 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="56"/>
        <source>Use 1 to 64 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="57"/>
        <source>Give at least one parent pattern, e.g. SB\d{5}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="60"/>
        <source>This pattern refuses plain child labels such as 0016586; widen it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="63"/>
        <source>Choose English or Hindi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="64"/>
        <source>Choose one of the listed speeds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="65"/>
        <source>Not a valid pattern:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StationApp</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/app.py" line="329"/>
        <source>Logged in as {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/app.py" line="351"/>
        <source>Logged out after a long idle time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/app.py" line="464"/>
        <source>Server not reachable ({reason}); showing this station&apos;s records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/app.py" line="519"/>
        <source>{n} scans lost to another station; click the conflicts count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/app.py" line="530"/>
        <source>The server no longer accepts this station. Scans are kept here; ask an admin for an enrollment code and enter it in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/app.py" line="566"/>
        <source>Settings saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/app.py" line="597"/>
        <source>Enrollment is not available.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
