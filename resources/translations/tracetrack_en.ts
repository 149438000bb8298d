<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BillsTab</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="61"/>
        <source>&amp;Create bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="62"/>
        <source>&amp;Open bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="64"/>
        <source>Bill &amp;id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="65"/>
        <source>Ca&amp;pacity (parents)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="66"/>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="67"/>
        <source>Vehicle number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="71"/>
        <source>Create or open a bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="80"/>
        <source>Record &amp;return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="81"/>
        <source>Return ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="83"/>
        <source>Ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="84"/>
        <source>C&amp;&amp;F location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="85"/>
        <source>Parent bag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="104"/>
        <source>Parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="104"/>
        <source>Children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="104"/>
        <source>Expected kg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="207"/>
        <source>Scan or type a parent bag to put on this bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="112"/>
        <source>Re&amp;move selected parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="113"/>
        <source>Com&amp;plete bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="114"/>
        <source>Close bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="157"/>
        <source>Type a bill id first, e.g. BILL-2025-001.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="169"/>
        <source>Type or scan the id of the bill to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="176"/>
        <source>Select a parent in the list, then press Remove.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="185"/>
        <source>Scan or type the returned parent bag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="209"/>
        <source>Scan or type a bill id to open it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="212"/>
        <source>NO BILL OPEN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="213"/>
        <source>Create a bill or open one to scan parents onto it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="221"/>
        <source>BILL {id} · {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="224"/>
        <source>Destination: {dest} · Vehicle: {veh}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="231"/>
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
        <location filename="../../tracetrack_desktop/ui/statusbar/connection.py" line="36"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/statusbar/connection.py" line="38"/>
        <source>● Online · last sync {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/statusbar/connection.py" line="41"/>
        <source>○ Offline · last sync {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/statusbar/connection.py" line="44"/>
        <source>Unencrypted connection to {host}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/statusbar/connection.py" line="54"/>
        <source>Offline-only station</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardTab</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="88"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="89"/>
        <source>Export &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="90"/>
        <source>Export &amp;PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="111"/>
        <source>Children linked per hour today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="119"/>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="127"/>
        <source>Station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="119"/>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="122"/>
        <source>Children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="119"/>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="122"/>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="155"/>
        <source>Parents completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="122"/>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="124"/>
        <source>Bill status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="124"/>
        <source>Bills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="128"/>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="129"/>
        <source>Last seq</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="130"/>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="131"/>
        <source>Lag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="154"/>
        <source>Children linked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="156"/>
        <source>Parent scans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="157"/>
        <source>Bills created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="158"/>
        <source>Bills completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="159"/>
        <source>Duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="160"/>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="161"/>
        <source>Stations active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="169"/>
        <source>All stations, from the server · {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="172"/>
        <source>This station only (server not reachable) · {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="189"/>
        <source>Figures unavailable: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="250"/>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="257"/>
        <source>Export PNG</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnrollPage</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="108"/>
        <source>Enroll this station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="109"/>
        <source>Type the enrollment code from the admin, then press Enroll.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="111"/>
        <source>&amp;Enroll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="126"/>
        <source>Type the enrollment code first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="129"/>
        <source>Enrolling…</source>
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
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="217"/>
        <source>Set up TraceTrack Station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="252"/>
        <source>A scan was read ({code}) and not used: setup takes no scans. Try your scanner on the scanner test page.</source>
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
        <location filename="../../tracetrack_desktop/ui/login.py" line="81"/>
        <source>Type your username, then your password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LookupTab</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="39"/>
        <source>Scan or type any bag code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="40"/>
        <source>&amp;Look up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="47"/>
        <source>Did you mean:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="54"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="55"/>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="56"/>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="57"/>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="58"/>
        <source>Station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="69"/>
        <source>Children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="72"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="102"/>
        <source>Asking the server about {code}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="113"/>
        <source>Scan or type a code to see its bags, bill and history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="117"/>
        <source>From the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="119"/>
        <source>From this station only (server not reachable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="122"/>
        <source>{code} is not known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="123"/>
        <source>Check the label and scan it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="131"/>
        <source>Parent {code}: {n} children, {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="137"/>
        <source>Child {code} in parent {parent}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="138"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="142"/>
        <source>Bill: {bill}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="142"/>
        <source>not on a bill</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/main_window.py" line="61"/>
        <source>TraceTrack Station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/main_window.py" line="97"/>
        <source>Undo last link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/main_window.py" line="98"/>
        <source>Finish parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/main_window.py" line="99"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/main_window.py" line="100"/>
        <source>Log out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/main_window.py" line="101"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/main_window.py" line="126"/>
        <source>&amp;Scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/main_window.py" line="127"/>
        <source>&amp;Bills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/main_window.py" line="128"/>
        <source>&amp;Lookup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/main_window.py" line="129"/>
        <source>&amp;Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OperatorPage</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="171"/>
        <source>First operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="172"/>
        <source>This person becomes the station&apos;s admin and can add others.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="180"/>
        <source>&amp;Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="181"/>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="182"/>
        <source>Password &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="190"/>
        <source>Use 2 to 32 lower-case letters, digits, dot, dash or underscore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="192"/>
        <source>The password needs at least {n} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="194"/>
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
        <location filename="../../tracetrack_desktop/ui/statusbar/pending.py" line="40"/>
        <source>All synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/statusbar/pending.py" line="43"/>
        <source>{n} waiting to sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/statusbar/pending.py" line="30"/>
        <location filename="../../tracetrack_desktop/ui/statusbar/pending.py" line="47"/>
        <source>{n} waiting to sync (oldest {age})</source>
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
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="85"/>
        <source>Type a code and press Enter (scanners need no click)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="87"/>
        <source>Undo last (F9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="88"/>
        <source>Finish parent (F10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="127"/>
        <source>LOG IN TO SCAN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="128"/>
        <source>SCAN PARENT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="129"/>
        <source>SCAN CHILDREN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="130"/>
        <source>FINISH EARLY?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="131"/>
        <source>SCAN PARENTS ONTO BILL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="139"/>
        <source>Parent {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="142"/>
        <source>No parent open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="149"/>
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
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="145"/>
        <source>Test your scanner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="146"/>
        <source>Scan any bag label. You can skip this and test later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="161"/>
        <source>These scanner settings are saved when you finish; you can change them later in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScannerProfile</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="298"/>
        <source>Slowest gap between keys in {reads} reads: {slowest} ms. Key gap: {gap} ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="302"/>
        <source>The scanner ends each code with {key}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="303"/>
        <source>The scanner sends nothing after a code: a read will end after a short pause.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="307"/>
        <source>The reads ended with different keys: Enter and Tab will both end a read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="311"/>
        <source>This scanner types almost as slowly as a person; set a prefix on the scanner (see docs/scanners.md) and enter it here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScannerTestPanel</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="65"/>
        <source>Scan &amp;here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="67"/>
        <source>Scan a label now. Nothing is recorded while you test.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="74"/>
        <source>&amp;Use these settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="87"/>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="88"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="89"/>
        <source>Code and kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="90"/>
        <source>Symbology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="91"/>
        <source>GS1 fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="92"/>
        <source>Gaps between keys (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="119"/>
        <source>refused: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="125"/>
        <source>none sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="132"/>
        <source>{gaps}
total {total:.0f} ms, slowest gap {worst:.0f} ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="137"/>
        <source>(serial scanner: no keystroke timing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="158"/>
        <source>Scan the same label a few times to learn this scanner&apos;s settings: {done} of {need}.</source>
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
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="64"/>
        <source>Where is the server?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="66"/>
        <source>Type the address your admin gave you, or run this station on its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="70"/>
        <source>&amp;Offline only: no server for now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="73"/>
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
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="219"/>
        <source>&amp;Language (after restart)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="220"/>
        <source>Sounds and language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="313"/>
        <source>Type the enrollment code first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="316"/>
        <source>Enrolling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="332"/>
        <source>Learned from {n} test reads; press OK to keep.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsErrors</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="72"/>
        <source>Enter a full address such as https://tracetrack.example.com, or tick offline only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="76"/>
        <source>This address is not encrypted (http:// to another machine). Use https://, or tick the box below to allow it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="81"/>
        <source>This address is not encrypted (http:// to another machine). Use https://, or choose offline only now and allow plain http later in Settings, Server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="86"/>
        <source>Choose what your scanner sends after each code, or AUTO for CR, LF or CRLF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="90"/>
        <source>A scanner types faster than people: use 5 to 200 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="93"/>
        <source>Use 1 to 64 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="94"/>
        <source>Use up to 8 characters without spaces, exactly as set on the scanner, e.g. ~.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="98"/>
        <source>Use off (0) or 100 to 2000 ms, and no less than the slowest key gap.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="102"/>
        <source>Give at least one parent pattern, e.g. SB\d{5}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="105"/>
        <source>This pattern refuses plain child labels such as 0016586; widen it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="108"/>
        <source>Choose English or Hindi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="109"/>
        <source>Choose one of the listed speeds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="110"/>
        <source>Not a valid pattern:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StationApp</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/app.py" line="359"/>
        <source>Logged in as {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/app.py" line="381"/>
        <source>Logged out after a long idle time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/app.py" line="463"/>
        <source>Keys typed here went nowhere ({text}): click a field, then type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/app.py" line="548"/>
        <source>Server not reachable ({reason}); showing this station&apos;s records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/app.py" line="604"/>
        <source>{n} scans lost to another station; click the conflicts count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/app.py" line="615"/>
        <source>The server no longer accepts this station. Scans are kept here; ask an admin for an enrollment code and enter it in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/app.py" line="654"/>
        <source>Settings saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/app.py" line="686"/>
        <source>Enrollment is not available.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
