<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="hi_IN">
<context>
    <name>AdminController</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin_controller.py" line="24" />
        <source>The server cannot be reached; the Admin screen needs the server.</source>
        <translation>सर्वर तक नहीं पहुँचा जा सकता; प्रबंधन स्क्रीन को सर्वर चाहिए।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin_controller.py" line="146" />
        <source>Scans are not recorded on the Admin screen; to fill a field, click it first.</source>
        <translation>प्रबंधन स्क्रीन पर स्कैन दर्ज नहीं होते; कोई फ़ील्ड भरने के लिए पहले उस पर क्लिक करें।</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/page.py" line="61" />
        <source>Please confirm</source>
        <translation>कृपया पुष्टि करें</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/page.py" line="64" />
        <location filename="../../tracetrack_desktop/ui/admin/page.py" line="100" />
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/page.py" line="99" />
        <source>&amp;OK</source>
        <translation>ठीक है (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/page.py" line="101" />
        <source>Close</source>
        <translation>बंद करें</translation>
    </message>
</context>
<context>
    <name>AdminTab</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/admin_tab.py" line="103" />
        <source>Users</source>
        <translation>उपयोगकर्ता</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/admin_tab.py" line="104" />
        <source>Stations</source>
        <translation>स्टेशन</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/admin_tab.py" line="105" />
        <source>Areas</source>
        <translation>क्षेत्र</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/admin_tab.py" line="106" />
        <source>Code rules</source>
        <translation>कोड नियम</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/admin_tab.py" line="107" />
        <source>Audit log</source>
        <translation>ऑडिट लॉग</translation>
    </message>
</context>
<context>
    <name>AreasPage</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/areas_page.py" line="21" />
        <source>Area</source>
        <translation>क्षेत्र</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/areas_page.py" line="21" />
        <source>Users</source>
        <translation>उपयोगकर्ता</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/areas_page.py" line="21" />
        <source>Stations</source>
        <translation>स्टेशन</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/areas_page.py" line="24" />
        <source>New area's name</source>
        <translation>नए क्षेत्र का नाम</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/areas_page.py" line="26" />
        <source>&amp;Add area</source>
        <translation>क्षेत्र जोड़ें (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/areas_page.py" line="27" />
        <source>&amp;Remove</source>
        <translation>हटाएँ (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/areas_page.py" line="66" />
        <source>Area {name} added.</source>
        <translation>क्षेत्र {name} जोड़ा गया।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/areas_page.py" line="69" />
        <source>Area removed.</source>
        <translation>क्षेत्र हटाया गया।</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/audit_page.py" line="68" />
        <location filename="../../tracetrack_desktop/ui/admin/audit_page.py" line="169" />
        <source>(any action)</source>
        <translation>(कोई भी कार्य)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/audit_page.py" line="69" />
        <location filename="../../tracetrack_desktop/ui/admin/audit_page.py" line="70" />
        <source>any</source>
        <translation>कोई भी</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/audit_page.py" line="71" />
        <source>&amp;Show</source>
        <translation>दिखाएँ (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/audit_page.py" line="65" />
        <source>e.g. sam, or station:* for every station</source>
        <translation>जैसे sam, या हर स्टेशन के लिए station:*</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/audit_page.py" line="74" />
        <source>&amp;Who</source>
        <translation>किसने (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/audit_page.py" line="75" />
        <source>A&amp;ction</source>
        <translation>कार्य (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/audit_page.py" line="78" />
        <source>to</source>
        <translation>से</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/audit_page.py" line="82" />
        <source>&amp;From</source>
        <translation>कब से (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/audit_page.py" line="87" />
        <source>When</source>
        <translation>कब</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/audit_page.py" line="88" />
        <source>Who</source>
        <translation>किसने</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/audit_page.py" line="89" />
        <source>Action</source>
        <translation>कार्य</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/audit_page.py" line="90" />
        <source>Target</source>
        <translation>लक्ष्य</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/audit_page.py" line="91" />
        <source>Outcome</source>
        <translation>परिणाम</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/audit_page.py" line="97" />
        <source>Pick an entry to see it before and after.</source>
        <translation>पहले और बाद की स्थिति देखने के लिए एक प्रविष्टि चुनें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/audit_page.py" line="99" />
        <source>&amp;Newer</source>
        <translation>नए (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/audit_page.py" line="100" />
        <source>&amp;Older</source>
        <translation>पुराने (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/audit_page.py" line="156" />
        <source>{first} to {last} of {total}</source>
        <translation>{total} में से {first} से {last}</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/audit_page.py" line="161" />
        <source>No entries.</source>
        <translation>कोई प्रविष्टि नहीं।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/audit_page.py" line="199" />
        <source>Before</source>
        <translation>पहले</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/audit_page.py" line="199" />
        <source>After</source>
        <translation>बाद में</translation>
    </message>
</context>
<context>
    <name>BillEditDialog</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/bill_edit_dialog.py" line="37" />
        <source>Edit bill {id}</source>
        <translation>बिल {id} बदलें</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/bill_edit_dialog.py" line="43" />
        <source>at least {n}: already loaded</source>
        <translation>कम से कम {n}: इतने पहले से लदे हैं</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/bill_edit_dialog.py" line="50" />
        <source>Ca&amp;pacity (parents)</source>
        <translation>क्षमता (पैरेंट बैग) (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/bill_edit_dialog.py" line="52" />
        <source>&amp;Destination</source>
        <translation>गंतव्य (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/bill_edit_dialog.py" line="53" />
        <source>&amp;Vehicle number</source>
        <translation>वाहन नंबर (&amp;V)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/bill_edit_dialog.py" line="56" />
        <source>&amp;Save changes</source>
        <translation>बदलाव सहेजें (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/bill_edit_dialog.py" line="59" />
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
</context>
<context>
    <name>BillsController</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/bills_controller.py" line="47" />
        <source>Open a bill first.</source>
        <translation>पहले एक बिल खोलें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/bills_controller.py" line="86" />
        <source>Bill {id} holds {n} of {cap} parents. Complete it with {n}? Its capacity becomes {n}.</source>
        <translation>बिल {id} पर {cap} में से {n} पैरेंट बैग हैं। इसे {n} के साथ पूरा करें? इसकी क्षमता {n} हो जाएगी।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/bills_controller.py" line="90" />
        <source>Complete bill {id}?</source>
        <translation>बिल {id} पूरा करें?</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/bills_controller.py" line="95" />
        <source>&amp;Yes</source>
        <translation>हाँ (&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/bills_controller.py" line="96" />
        <source>&amp;No</source>
        <translation>नहीं (&amp;N)</translation>
    </message>
</context>
<context>
    <name>BillsTab</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="80" />
        <source>&amp;Create bill</source>
        <translation>बिल बनाएँ (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="81" />
        <source>&amp;Open bill</source>
        <translation>बिल खोलें (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="83" />
        <source>Bill &amp;id</source>
        <translation>बिल आईडी (&amp;I)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="84" />
        <source>Ca&amp;pacity (parents)</source>
        <translation>क्षमता (पैरेंट बैग) (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="85" />
        <source>Destination</source>
        <translation>गंतव्य</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="86" />
        <source>Vehicle number</source>
        <translation>वाहन नंबर</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="90" />
        <source>Create or open a bill</source>
        <translation>बिल बनाएँ या खोलें</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="99" />
        <source>Record &amp;return</source>
        <translation>वापसी दर्ज करें (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="100" />
        <source>Return ticket</source>
        <translation>वापसी टिकट</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="102" />
        <source>Ticket</source>
        <translation>टिकट</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="103" />
        <source>C&amp;&amp;F location</source>
        <translation>C&amp;&amp;F स्थान</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="104" />
        <source>Parent bag</source>
        <translation>पैरेंट बैग</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="110" />
        <source>Import spreads&amp;heet…</source>
        <translation>स्प्रेडशीट आयात करें (&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="124" />
        <source>Con&amp;firm: put it on</source>
        <translation>पुष्टि करें: बिल पर रखें (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="125" />
        <source>&amp;Keep it off</source>
        <translation>बिल पर न रखें (&amp;K)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="135" />
        <source>Parent</source>
        <translation>पैरेंट</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="135" />
        <source>Children</source>
        <translation>चाइल्ड बैग</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="135" />
        <source>Expected kg</source>
        <translation>अपेक्षित किग्रा</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="143" />
        <source>Remo&amp;ve selected parent</source>
        <translation>चुना पैरेंट हटाएँ (&amp;V)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="145" />
        <source>Comple&amp;te bill</source>
        <translation>बिल पूरा करें (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="147" />
        <source>&amp;Edit bill…</source>
        <translation>बिल बदलें… (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="148" />
        <source>Reope&amp;n bill</source>
        <translation>बिल फिर खोलें (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="274" />
        <source>Scan or type a parent bag to put on this bill</source>
        <translation>इस बिल पर रखने के लिए पैरेंट बैग स्कैन करें या लिखें</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="146" />
        <source>Close bill</source>
        <translation>बिल बंद करें</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="207" />
        <source>Type a bill id first, e.g. BILL-2025-001.</source>
        <translation>पहले बिल आईडी लिखें, जैसे BILL-2025-001।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="219" />
        <source>Type or scan the id of the bill to open.</source>
        <translation>खोलने के लिए बिल की आईडी लिखें या स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="233" />
        <source>Select a parent in the list, then press Remove.</source>
        <translation>सूची में एक पैरेंट चुनें, फिर हटाएँ दबाएँ।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="242" />
        <source>Scan or type the returned parent bag.</source>
        <translation>लौटाया गया पैरेंट बैग स्कैन करें या लिखें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="276" />
        <source>Scan or type a bill id to open it</source>
        <translation>बिल खोलने के लिए उसकी आईडी स्कैन करें या लिखें</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="280" />
        <source>NO BILL OPEN</source>
        <translation>कोई बिल खुला नहीं</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="281" />
        <source>Create a bill or open one to scan parents onto it.</source>
        <translation>पैरेंट बैग स्कैन करने के लिए बिल बनाएँ या खोलें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="289" />
        <source>BILL {id} · {status}</source>
        <translation>बिल {id} · {status}</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="294" />
        <source>Destination: {dest} · Vehicle: {veh}</source>
        <translation>गंतव्य: {dest} · वाहन: {veh}</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/bills_tab.py" line="301" />
        <source>{linked} / {cap} parents · {actual} kg of {expected} kg expected</source>
        <translation>{linked} / {cap} पैरेंट · {actual} किग्रा, अपेक्षित {expected} किग्रा</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/conflicts_dialog.py" line="25" />
        <source>Sync conflicts</source>
        <translation>सिंक टकराव</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/conflicts_dialog.py" line="28" />
        <source>The server kept another station's scan for these bags. Nothing was lost: each line says what this station did and what won. Fix the bag by hand if needed.</source>
        <translation>इन बैगों के लिए सर्वर ने दूसरे स्टेशन का स्कैन रखा। कुछ खोया नहीं: हर पंक्ति बताती है कि इस स्टेशन ने क्या किया और क्या जीता। ज़रूरत हो तो बैग हाथ से ठीक करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/conflicts_dialog.py" line="36" />
        <source>When</source>
        <translation>कब</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/conflicts_dialog.py" line="37" />
        <source>Action</source>
        <translation>कार्य</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/conflicts_dialog.py" line="38" />
        <source>Code</source>
        <translation>कोड</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/conflicts_dialog.py" line="39" />
        <source>Why</source>
        <translation>क्यों</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/conflicts_dialog.py" line="40" />
        <source>Lost to</source>
        <translation>किससे हारा</translation>
    </message>
</context>
<context>
    <name>ConflictsWidget</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/statusbar/conflicts.py" line="27" />
        <source>⚠ {n} conflicts</source>
        <translation>⚠ {n} टकराव</translation>
    </message>
</context>
<context>
    <name>ConnectionWidget</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/statusbar/connection.py" line="41" />
        <source>never</source>
        <translation>कभी नहीं</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/statusbar/connection.py" line="43" />
        <source>● Online · last sync {when}</source>
        <translation>● ऑनलाइन · पिछला सिंक {when}</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/statusbar/connection.py" line="46" />
        <source>○ Offline · last sync {when}</source>
        <translation>○ ऑफ़लाइन · पिछला सिंक {when}</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/statusbar/connection.py" line="49" />
        <source>Unencrypted connection to {host}</source>
        <translation>{host} से बिना एन्क्रिप्शन का कनेक्शन</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/statusbar/connection.py" line="77" />
        <source>Offline-only station</source>
        <translation>केवल ऑफ़लाइन स्टेशन</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="152" />
        <source>Pick why</source>
        <translation>कारण चुनें</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="156" />
        <source>Required when the reason is Other</source>
        <translation>कारण 'अन्य' हो तो ज़रूरी</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="158" />
        <source>Scan or type the parent bag</source>
        <translation>पैरेंट बैग स्कैन करें या लिखें</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="162" />
        <source>&amp;Reason</source>
        <translation>कारण (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="163" />
        <source>&amp;Note</source>
        <translation>नोट (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="165" />
        <source>&amp;Into parent</source>
        <translation>किस पैरेंट में (&amp;I)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="172" />
        <source>&amp;OK</source>
        <translation>ठीक है (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="174" />
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
</context>
<context>
    <name>Corrections</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="40" />
        <source>Packed into the wrong parent</source>
        <translation>गलत पैरेंट में पैक हुआ</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="43" />
        <source>Loaded onto the wrong bill</source>
        <translation>गलत बिल पर लोड हुआ</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="44" />
        <source>Bag or label damaged</source>
        <translation>बैग या लेबल खराब</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="45" />
        <source>Duplicate or misprinted label</source>
        <translation>डुप्लिकेट या गलत छपा लेबल</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="48" />
        <source>Test or training scan</source>
        <translation>टेस्ट या ट्रेनिंग स्कैन</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="49" />
        <source>The goods came back</source>
        <translation>माल वापस आया</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="50" />
        <source>Voided by mistake</source>
        <translation>गलती से अमान्य हुआ</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="51" />
        <source>Other (say why in the note)</source>
        <translation>अन्य (नोट में कारण लिखें)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="78" />
        <source>&amp;Remove from parent</source>
        <translation>पैरेंट से निकालें (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="79" />
        <source>Move to &amp;another parent</source>
        <translation>दूसरे पैरेंट में डालें (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="80" />
        <source>Re&amp;open parent</source>
        <translation>पैरेंट फिर खोलें (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="81" />
        <source>&amp;Take off bill</source>
        <translation>बिल से हटाएँ (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="82" />
        <source>&amp;Void</source>
        <translation>अमान्य करें (&amp;V)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="83" />
        <source>Restor&amp;e</source>
        <translation>वापस मान्य करें (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="99" />
        <source>Take {code} out of {parent} ({n} children → {m}).</source>
        <translation>{code} को {parent} से निकालें ({n} चाइल्ड → {m})।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="103" />
        <source>Move {code} out of {parent} ({n} children → {m}) into the parent you scan below.</source>
        <translation>{code} को {parent} से निकालकर ({n} चाइल्ड → {m}) नीचे स्कैन किए पैरेंट में डालें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="108" />
        <source>Reopen {code} ({n} / {capacity} children) so more can be scanned in.</source>
        <translation>{code} फिर खोलें ({n} / {capacity} चाइल्ड) ताकि और चाइल्ड स्कैन हो सकें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="112" />
        <source>Take {code} off bill {bill} ({n} parents → {m}).</source>
        <translation>{code} को बिल {bill} से हटाएँ ({n} पैरेंट → {m})।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="116" />
        <source>Void {code} and take it out of {parent} ({n} children → {m}).</source>
        <translation>{code} अमान्य करें और उसे {parent} से निकालें ({n} चाइल्ड → {m})।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="120" />
        <source>Void {code}: it counts nowhere until an admin restores it.</source>
        <translation>{code} अमान्य करें: एडमिन के वापस मान्य करने तक यह कहीं नहीं गिना जाएगा।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/correction_dialog.py" line="123" />
        <source>Restore {code}: it can be packed and billed again.</source>
        <translation>{code} वापस मान्य करें: इसे फिर पैक और बिल किया जा सकेगा।</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="129" />
        <source>Jan</source>
        <translation>जन॰</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="130" />
        <source>Feb</source>
        <translation>फ़र॰</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="131" />
        <source>Mar</source>
        <translation>मार्च</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="132" />
        <source>Apr</source>
        <translation>अप्रैल</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="133" />
        <source>May</source>
        <translation>मई</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="134" />
        <source>Jun</source>
        <translation>जून</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="135" />
        <source>Jul</source>
        <translation>जुल॰</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="136" />
        <source>Aug</source>
        <translation>अग॰</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="137" />
        <source>Sep</source>
        <translation>सित॰</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="138" />
        <source>Oct</source>
        <translation>अक्तू॰</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="139" />
        <source>Nov</source>
        <translation>नव॰</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="140" />
        <source>Dec</source>
        <translation>दिस॰</translation>
    </message>
</context>
<context>
    <name>DashboardTab</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="277" />
        <source>&amp;Refresh</source>
        <translation>ताज़ा करें (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="280" />
        <source>Export &amp;CSV…</source>
        <translation>&amp;CSV निर्यात…</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="281" />
        <source>Export &amp;PNG…</source>
        <translation>&amp;PNG निर्यात…</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="265" />
        <source>Today</source>
        <translation>आज</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="266" />
        <source>Yesterday</source>
        <translation>कल</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="267" />
        <source>This week</source>
        <translation>इस सप्ताह</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="268" />
        <source>Custom…</source>
        <translation>अपनी तारीखें…</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="272" />
        <source>Ran&amp;ge</source>
        <translation>अवधि (&amp;G)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="278" />
        <source>E&amp;xport…</source>
        <translation>निर्यात करें… (&amp;X)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="279" />
        <source>E&amp;nd-of-day report…</source>
        <translation>दिन के अंत की रिपोर्ट… (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="303" />
        <source>Now</source>
        <translation>अभी</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="321" />
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="329" />
        <source>Station</source>
        <translation>स्टेशन</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="321" />
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="324" />
        <source>Children</source>
        <translation>चाइल्ड बैग</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="321" />
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="324" />
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="365" />
        <source>Parents completed</source>
        <translation>पूरे पैरेंट</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="324" />
        <source>Operator</source>
        <translation>ऑपरेटर</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="326" />
        <source>Bill status</source>
        <translation>बिल स्थिति</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="326" />
        <source>Bills</source>
        <translation>बिल</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="330" />
        <source>Last seen</source>
        <translation>आख़िरी बार देखा</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="331" />
        <source>Last seq</source>
        <translation>आख़िरी क्रमांक</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="332" />
        <source>Pending</source>
        <translation>बाकी</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="333" />
        <source>Lag</source>
        <translation>देरी</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="364" />
        <source>Children linked</source>
        <translation>जोड़े गए चाइल्ड</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="366" />
        <source>Parent scans</source>
        <translation>पैरेंट स्कैन</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="367" />
        <source>Bills created</source>
        <translation>बने बिल</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="368" />
        <source>Bills completed</source>
        <translation>पूरे बिल</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="369" />
        <source>Duplicates</source>
        <translation>दोहराव</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="370" />
        <source>Conflicts</source>
        <translation>टकराव</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="371" />
        <source>Corrections</source>
        <translation>सुधार</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="372" />
        <source>Stations active</source>
        <translation>सक्रिय स्टेशन</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="377" />
        <source>Parents open</source>
        <translation>खुले पैरेंट</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="378" />
        <source>Parents complete, not billed</source>
        <translation>पूरे पैरेंट, बिल पर नहीं</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="379" />
        <source>Parents billed</source>
        <translation>बिल पर पैरेंट</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="380" />
        <source>Children in open parents</source>
        <translation>खुले पैरेंट में चाइल्ड</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="412" />
        <source>{first} to {last}</source>
        <translation>{first} से {last} तक</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="424" />
        <source>All stations, from the server · {when}</source>
        <translation>सभी स्टेशन, सर्वर से · {when}</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="427" />
        <source>This station only (server not reachable) · {when}</source>
        <translation>केवल यह स्टेशन (सर्वर उपलब्ध नहीं) · {when}</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="436" />
        <source>This station's own records</source>
        <translation>इस स्टेशन के अपने रिकॉर्ड</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="461" />
        <source>Figures unavailable: {reason}</source>
        <translation>आँकड़े उपलब्ध नहीं: {reason}</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="477" />
        <source>Children linked per day</source>
        <translation>प्रति दिन जोड़े गए चाइल्ड</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="477" />
        <source>Children linked per hour</source>
        <translation>प्रति घंटा जोड़े गए चाइल्ड</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="530" />
        <source>Downloading {name}…</source>
        <translation>{name} डाउनलोड हो रहा है…</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="533" />
        <source>Saved {path}</source>
        <translation>{path} सहेजा गया</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="537" />
        <source>Could not save {name}: {reason}</source>
        <translation>{name} सहेजा नहीं जा सका: {reason}</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="548" />
        <source>Export</source>
        <translation>निर्यात</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="562" />
        <source>End-of-day report</source>
        <translation>दिन के अंत की रिपोर्ट</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="605" />
        <source>Export CSV</source>
        <translation>CSV निर्यात</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="612" />
        <source>Export PNG</source>
        <translation>PNG निर्यात</translation>
    </message>
</context>
<context>
    <name>EnrollPage</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="122" />
        <source>Enroll this station</source>
        <translation>इस स्टेशन को पंजीकृत करें</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="123" />
        <source>Type the enrollment code from the admin, then press Enroll.</source>
        <translation>एडमिन से मिला पंजीकरण कोड लिखें, फिर पंजीकृत करें दबाएँ।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="125" />
        <source>&amp;Enroll</source>
        <translation>पंजीकृत करें (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="157" />
        <source>No OS keyring works on this computer, so the station's token cannot be kept there. Nothing has been sent yet.</source>
        <translation>इस कंप्यूटर पर कोई OS कीरिंग काम नहीं करती, इसलिए स्टेशन का टोकन वहाँ नहीं रखा जा सकता। अभी कुछ भी भेजा नहीं गया है।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="163" />
        <source>Keep the token in a protected file instead:</source>
        <translation>इसके बजाय टोकन एक सुरक्षित फ़ाइल में रखें:</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="170" />
        <source>Anyone who can log in as this computer's user can read that file and sync as this station: use it only on a station PC that is locked down.</source>
        <translation>जो भी इस कंप्यूटर के यूज़र के रूप में लॉग इन कर सकता है, वह यह फ़ाइल पढ़कर इस स्टेशन के नाम से सिंक कर सकता है: इसे केवल सुरक्षित (लॉक किए गए) स्टेशन पीसी पर ही इस्तेमाल करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="189" />
        <source>Type the enrollment code first.</source>
        <translation>पहले पंजीकरण कोड लिखें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="196" />
        <source>Enrolling…</source>
        <translation>पंजीकरण हो रहा है…</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="219" />
        <source>&amp;Save token</source>
        <translation>टोकन सहेजें (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="222" />
        <source>Enrolled, but the token could not be kept: {reason}. Choose where to keep it and press Save token; the code is not needed again.</source>
        <translation>एनरोल हो गया, पर टोकन रखा नहीं जा सका: {reason}। उसे रखने की जगह चुनें और "टोकन सहेजें" दबाएँ; कोड दोबारा नहीं चाहिए।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="229" />
        <source>The token is kept in the OS keyring.</source>
        <translation>टोकन OS कीरिंग में रखा गया है।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="231" />
        <source>The token is kept in {path}, readable only by this user.</source>
        <translation>टोकन {path} में रखा गया है, जिसे केवल यही यूज़र पढ़ सकता है।</translation>
    </message>
</context>
<context>
    <name>Enrollment</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/enrollment.py" line="43" />
        <source>The server refused the code ({reason}). Ask the admin for a new code.</source>
        <translation>सर्वर ने कोड अस्वीकार किया ({reason})। एडमिन से नया कोड माँगें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/enrollment.py" line="51" />
        <source>Could not reach the server ({reason}). Check the address and the network.</source>
        <translation>सर्वर तक नहीं पहुँच सके ({reason})। पता और नेटवर्क जाँचें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/enrollment.py" line="58" />
        <source>Enrolled as {station}. This station now syncs to {url}.</source>
        <translation>{station} के रूप में पंजीकृत। यह स्टेशन अब {url} से सिंक करता है।</translation>
    </message>
</context>
<context>
    <name>EnrollmentCodeDialog</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="93" />
        <source>Enrollment code for {name}</source>
        <translation>{name} का नामांकन कोड</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="96" />
        <source>On station {name}, open Settings (or the first-run setup) and enter this code:</source>
        <translation>स्टेशन {name} पर सेटिंग्स (या पहली बार का सेटअप) खोलें और यह कोड डालें:</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="108" />
        <source>It works once, until {when}.</source>
        <translation>यह एक बार, {when} तक चलता है।</translation>
    </message>
</context>
<context>
    <name>EodDialog</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="231" />
        <source>End-of-day report</source>
        <translation>दिन के अंत की रिपोर्ट</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="234" />
        <source>PDF</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="235" />
        <source>Excel workbook (XLSX)</source>
        <translation>एक्सेल वर्कबुक (XLSX)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="237" />
        <source>&amp;Day</source>
        <translation>दिन (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="238" />
        <source>&amp;Format</source>
        <translation>फ़ॉर्मेट (&amp;F)</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="194" />
        <source>Export</source>
        <translation>निर्यात</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="197" />
        <source>Bags (with children, state, bill)</source>
        <translation>बैग (चाइल्ड, स्थिति, बिल सहित)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="198" />
        <source>Bills (totals and weights)</source>
        <translation>बिल (कुल और वज़न)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="199" />
        <source>Operator activity</source>
        <translation>ऑपरेटर गतिविधि</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="200" />
        <source>Conflicts</source>
        <translation>टकराव</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="205" />
        <source>Excel workbook (XLSX)</source>
        <translation>एक्सेल वर्कबुक (XLSX)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="206" />
        <source>CSV</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="208" />
        <source>&amp;What</source>
        <translation>क्या (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="209" />
        <source>&amp;Format</source>
        <translation>फ़ॉर्मेट (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="211" />
        <source>Days</source>
        <translation>दिन</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/dashboard_tab.py" line="213" />
        <source>{first} to {last}</source>
        <translation>{first} से {last} तक</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="320" />
        <source>Set up TraceTrack Station</source>
        <translation>TraceTrack स्टेशन सेट करें</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="355" />
        <source>A scan was read ({code}) and not used: setup takes no scans. Try your scanner on the scanner test page.</source>
        <translation>एक स्कैन पढ़ा गया ({code}) पर उसका उपयोग नहीं हुआ: सेटअप में स्कैन नहीं लिए जाते। अपना स्कैनर, स्कैनर जाँच पेज पर आज़माएँ।</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_controller.py" line="53" />
        <source>Importing spreadsheets needs the server; this station works offline.</source>
        <translation>स्प्रेडशीट आयात के लिए सर्वर चाहिए; यह स्टेशन ऑफ़लाइन काम करता है।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_controller.py" line="93" />
        <source>Type your password: the server records imports by name.</source>
        <translation>अपना पासवर्ड लिखें: सर्वर आयात को आपके नाम से दर्ज करता है।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_controller.py" line="96" />
        <source>Signing in…</source>
        <translation>साइन इन हो रहा है…</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_controller.py" line="111" />
        <source>The file cannot be read: {why}</source>
        <translation>फ़ाइल पढ़ी नहीं जा सकती: {why}</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_controller.py" line="113" />
        <source>The server cannot be reached; try again when it is.</source>
        <translation>सर्वर तक नहीं पहुँच पा रहे; सर्वर मिलने पर फिर कोशिश करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_controller.py" line="114" />
        <source>The server answered {status}.</source>
        <translation>सर्वर ने {status} उत्तर दिया।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_controller.py" line="139" />
        <source>Checking the sheet…</source>
        <translation>शीट जाँची जा रही है…</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_controller.py" line="202" />
        <source>Saving the error report…</source>
        <translation>त्रुटि रिपोर्ट सहेजी जा रही है…</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="46" />
        <source>Child bag</source>
        <translation>चाइल्ड बैग</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="47" />
        <source>Parent bag</source>
        <translation>पैरेंट बैग</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="48" />
        <source>Bill</source>
        <translation>बिल</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="57" />
        <source>Duplicate: the child is in this parent already</source>
        <translation>दोहराव: चाइल्ड पहले से इसी पैरेंट में है</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="60" />
        <source>Duplicate: the parent is on this bill already</source>
        <translation>दोहराव: पैरेंट पहले से इसी बिल पर है</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="63" />
        <source>Duplicate: this row was imported before</source>
        <translation>दोहराव: यह पंक्ति पहले आयात हो चुकी है</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="66" />
        <source>The child is in another parent</source>
        <translation>चाइल्ड दूसरे पैरेंट में है</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="69" />
        <source>The parent is full</source>
        <translation>पैरेंट भरा हुआ है</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="70" />
        <source>No such bill</source>
        <translation>ऐसा कोई बिल नहीं है</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="71" />
        <source>The parent has never been packed</source>
        <translation>यह पैरेंट कभी पैक नहीं हुआ</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="74" />
        <source>Not a bag code</source>
        <translation>बैग कोड नहीं है</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="75" />
        <source>Not a bill id</source>
        <translation>बिल आईडी नहीं है</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="76" />
        <source>The child is a parent bag</source>
        <translation>चाइल्ड एक पैरेंट बैग है</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="79" />
        <source>The parent is a child bag</source>
        <translation>पैरेंट एक चाइल्ड बैग है</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="82" />
        <source>A child bag cannot go onto a bill</source>
        <translation>चाइल्ड बैग बिल पर नहीं जा सकता</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="85" />
        <source>The parent is on another bill</source>
        <translation>पैरेंट दूसरे बिल पर है</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="88" />
        <source>The bill is completed</source>
        <translation>बिल पूरा हो चुका है</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="89" />
        <source>The bill is full</source>
        <translation>बिल भरा हुआ है</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="90" />
        <source>The bag was voided</source>
        <translation>बैग रद्द किया गया था</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="91" />
        <source>The child and the parent are the same code</source>
        <translation>चाइल्ड और पैरेंट एक ही कोड हैं</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="95" />
        <source>A cell is missing</source>
        <translation>एक सेल खाली है</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="96" />
        <source>Repeated: an earlier row of the sheet names this bag</source>
        <translation>दोहराया गया: शीट की पहले की पंक्ति में यही बैग है</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="107" />
        <source>Imported {accepted} of {rows} rows; {duplicates} were recorded already and {refused} refused. New events on the server: {events}.</source>
        <translation>{rows} में से {accepted} पंक्तियाँ आयात हुईं; {duplicates} पहले से दर्ज थीं और {refused} अस्वीकार हुईं। सर्वर पर नई घटनाएँ: {events}।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="140" />
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="347" />
        <source>Import spreadsheet</source>
        <translation>स्प्रेडशीट आयात करें</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="150" />
        <source>&amp;Links: child bag → parent bag</source>
        <translation>लिंक: चाइल्ड बैग → पैरेंट बैग (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="151" />
        <source>&amp;Bills: parent bag → bill</source>
        <translation>बिल: पैरेंट बैग → बिल (&amp;B)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="157" />
        <source>An .xlsx, .xls, .ods or .csv file</source>
        <translation>एक .xlsx, .xls, .ods या .csv फ़ाइल</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="158" />
        <source>Bro&amp;wse…</source>
        <translation>चुनें (&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="172" />
        <source>Sign in: the server records the import in your name</source>
        <translation>साइन इन करें: सर्वर आयात को आपके नाम से दर्ज करता है</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="174" />
        <source>Username</source>
        <translation>उपयोगकर्ता नाम</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="175" />
        <source>&amp;Password</source>
        <translation>पासवर्ड (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="179" />
        <source>Sheet and columns</source>
        <translation>शीट और कॉलम</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="181" />
        <source>S&amp;heet</source>
        <translation>शीट (&amp;H)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="185" />
        <source>What the sheet holds</source>
        <translation>शीट में क्या है</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="186" />
        <source>&amp;File</source>
        <translation>फ़ाइल (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="196" />
        <source>Refused because</source>
        <translation>अस्वीकार का कारण</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="196" />
        <source>Rows</source>
        <translation>पंक्तियाँ</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="197" />
        <source>Row</source>
        <translation>पंक्ति</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="197" />
        <source>Values</source>
        <translation>मान</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="197" />
        <source>Reason</source>
        <translation>कारण</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="200" />
        <source>&amp;Check</source>
        <translation>जाँचें (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="201" />
        <source>&amp;Save error report…</source>
        <translation>त्रुटि रिपोर्ट सहेजें (&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="202" />
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="360" />
        <source>&amp;Import</source>
        <translation>आयात करें (&amp;I)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="203" />
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="361" />
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="300" />
        <source>Choose a spreadsheet</source>
        <translation>स्प्रेडशीट चुनें</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="302" />
        <source>Spreadsheets ({patterns})</source>
        <translation>स्प्रेडशीट ({patterns})</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="315" />
        <source>Choose the spreadsheet first.</source>
        <translation>पहले स्प्रेडशीट चुनें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="322" />
        <source>Pick the column for: {roles}.</source>
        <translation>इनके लिए कॉलम चुनें: {roles}।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="333" />
        <source>Save the error report</source>
        <translation>त्रुटि रिपोर्ट सहेजें</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="336" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>एक्सेल वर्कबुक (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="349" />
        <source>Import {accepted} rows from “{file}”? {duplicates} rows are recorded already and change nothing; {refused} refused rows are left out.</source>
        <translation>“{file}” से {accepted} पंक्तियाँ आयात करें? {duplicates} पंक्तियाँ पहले से दर्ज हैं और कुछ नहीं बदलतीं; {refused} अस्वीकृत पंक्तियाँ छोड़ दी जाती हैं।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="418" />
        <source>Sheet “{sheet}”, {rows} rows: {accepted} would be imported, {duplicates} are recorded already, {refused} refused.</source>
        <translation>शीट “{sheet}”, {rows} पंक्तियाँ: {accepted} आयात होंगी, {duplicates} पहले से दर्ज हैं, {refused} अस्वीकार।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="434" />
        <source>Columns: {columns}</source>
        <translation>कॉलम: {columns}</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="491" />
        <source>Choose…</source>
        <translation>चुनें…</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="497" />
        <source>Which columns hold what? Pick them, then press Check again.</source>
        <translation>किस कॉलम में क्या है? उन्हें चुनें, फिर से जाँचें दबाएँ।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="502" />
        <source>Close</source>
        <translation>बंद करें</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="504" />
        <source>Importing… If you close this window the import goes on on the server.</source>
        <translation>आयात हो रहा है… यह खिड़की बंद करने पर भी आयात सर्वर पर चलता रहेगा।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/import_dialog.py" line="524" />
        <source>Error report saved as {path}.</source>
        <translation>त्रुटि रिपोर्ट {path} के रूप में सहेजी गई।</translation>
    </message>
</context>
<context>
    <name>LiveStatusLabel</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/live_stats.py" line="290" />
        <source>● live</source>
        <translation>● लाइव</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/live_stats.py" line="290" />
        <source>refreshing every 5 s</source>
        <translation>हर 5 सेकंड में ताज़ा</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/live_stats.py" line="292" />
        <source>Figures update as soon as any station's scans reach the server.</source>
        <translation>किसी भी स्टेशन के स्कैन सर्वर पर पहुँचते ही आँकड़े बदल जाते हैं।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/live_stats.py" line="294" />
        <source>No live connection to the server: figures are fetched every 5 s.</source>
        <translation>सर्वर से लाइव कनेक्शन नहीं है: आँकड़े हर 5 सेकंड में लाए जाते हैं।</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/login.py" line="37" />
        <source>TraceTrack Station</source>
        <translation>TraceTrack स्टेशन</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/login.py" line="44" />
        <source>Log in</source>
        <translation>लॉग इन</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/login.py" line="48" />
        <source>Or scan your badge.</source>
        <translation>या अपना बैज स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/login.py" line="50" />
        <source>&amp;Username</source>
        <translation>उपयोगकर्ता नाम (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/login.py" line="51" />
        <source>&amp;Password</source>
        <translation>पासवर्ड (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/login.py" line="83" />
        <source>Type your username, then your password.</source>
        <translation>अपना उपयोगकर्ता नाम, फिर पासवर्ड लिखें।</translation>
    </message>
</context>
<context>
    <name>Lookup</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/workflow_station.py" line="272" />
        <source>this station</source>
        <translation>यह स्टेशन</translation>
    </message>
</context>
<context>
    <name>LookupTab</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="51" />
        <source>Scan or type any bag code</source>
        <translation>कोई भी बैग कोड स्कैन करें या लिखें</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="52" />
        <source>&amp;Look up</source>
        <translation>खोजें (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="59" />
        <source>VOIDED</source>
        <translation>अमान्य</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="67" />
        <source>Correct:</source>
        <translation>सुधारें:</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="72" />
        <source>Did you mean:</source>
        <translation>क्या आपका मतलब था:</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="79" />
        <source>When</source>
        <translation>कब</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="80" />
        <source>Event</source>
        <translation>घटना</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="81" />
        <source>Detail</source>
        <translation>विवरण</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="82" />
        <source>Operator</source>
        <translation>ऑपरेटर</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="83" />
        <source>Station</source>
        <translation>स्टेशन</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="84" />
        <source>Why</source>
        <translation>क्यों</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="98" />
        <source>Children</source>
        <translation>चाइल्ड बैग</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="101" />
        <source>History</source>
        <translation>इतिहास</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="138" />
        <source>Asking the server about {code}…</source>
        <translation>{code} के बारे में सर्वर से पूछ रहे हैं…</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="166" />
        <source>Scan or type a code to see its bags, bill and history.</source>
        <translation>बैग, बिल और इतिहास देखने के लिए कोड स्कैन करें या लिखें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="170" />
        <source>From the server</source>
        <translation>सर्वर से</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="172" />
        <source>From this station only</source>
        <translation>केवल इस स्टेशन से</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="175" />
        <source>{code} is not known.</source>
        <translation>{code} ज्ञात नहीं है।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="176" />
        <source>Check the label and scan it again.</source>
        <translation>लेबल जाँचें और फिर से स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="184" />
        <source>{code} is voided: it counts nowhere until an admin restores it.</source>
        <translation>{code} अमान्य है: एडमिन के वापस मान्य करने तक यह कहीं नहीं गिना जाता।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="190" />
        <source>Parent {code}: {n} children, {status}</source>
        <translation>पैरेंट {code}: {n} चाइल्ड, {status}</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="196" />
        <source>Child {code} in parent {parent}</source>
        <translation>चाइल्ड {code}, पैरेंट {parent} में</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="197" />
        <source>(none)</source>
        <translation>(कोई नहीं)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="201" />
        <source>Bill: {bill}</source>
        <translation>बिल: {bill}</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/lookup_tab.py" line="201" />
        <source>not on a bill</source>
        <translation>किसी बिल पर नहीं</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/main_window.py" line="71" />
        <source>TraceTrack Station</source>
        <translation>TraceTrack स्टेशन</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/main_window.py" line="105" />
        <source>sound off: no audio device</source>
        <translation>आवाज़ बंद: कोई ऑडियो डिवाइस नहीं</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/main_window.py" line="112" />
        <source>Undo last link</source>
        <translation>आख़िरी जोड़ वापस लें</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/main_window.py" line="113" />
        <source>Finish parent</source>
        <translation>पैरेंट पूरा करें</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/main_window.py" line="114" />
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/main_window.py" line="115" />
        <source>Log out</source>
        <translation>लॉग आउट</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/main_window.py" line="116" />
        <source>Settings</source>
        <translation>सेटिंग्स</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/main_window.py" line="124" />
        <source>Close the station</source>
        <translation>स्टेशन बंद करें</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/main_window.py" line="146" />
        <source>&amp;Scan</source>
        <translation>स्कैन (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/main_window.py" line="147" />
        <source>&amp;Bills</source>
        <translation>बिल (&amp;B)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/main_window.py" line="148" />
        <source>&amp;Lookup</source>
        <translation>खोज (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/main_window.py" line="149" />
        <source>&amp;Dashboard</source>
        <translation>डैशबोर्ड (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/main_window.py" line="150" />
        <source>Ad&amp;min</source>
        <translation>प्रबंधन (&amp;M)</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="28" />
        <source>{code} into {parent}: {count} / {capacity}.</source>
        <translation>{code} → {parent}: {count} / {capacity}।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="29" />
        <source>{holder} already holds this child ({code}) — put it back.</source>
        <translation>यह चाइल्ड ({code}) पहले से {holder} में है — इसे वापस रखें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="30" />
        <source>{code} is already in {parent} ({count} / {capacity}). Nothing to do; scan the next child.</source>
        <translation>{code} पहले से {parent} में है ({count} / {capacity})। कुछ करना नहीं; अगला चाइल्ड स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="34" />
        <source>{parent} is complete ({count} / {capacity}). Close it and scan the next parent.</source>
        <translation>{parent} पूरा हो गया ({count} / {capacity})। इसे बंद करें और अगला पैरेंट स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="38" />
        <source>{parent} is complete: {count} / {capacity}. Scan the next parent.</source>
        <translation>{parent} पूरा हो गया: {count} / {capacity}। अगला पैरेंट स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="41" />
        <source>{code} opened (0 / {capacity}). Scan its children.</source>
        <translation>{code} खुला (0 / {capacity})। इसके चाइल्ड स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="42" />
        <source>Resuming {code} ({count} / {capacity}). Scan its children.</source>
        <translation>{code} फिर से शुरू ({count} / {capacity})। इसके चाइल्ड स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="43" />
        <source>{code} is already open ({count} / {capacity}). Keep scanning its children.</source>
        <translation>{code} पहले से खुला है ({count} / {capacity})। इसके चाइल्ड स्कैन करते रहें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="46" />
        <source>Now filling {code} ({count} / {capacity}). {previous} stays open at {pcount} / {pcapacity}; scan it again to resume it.</source>
        <translation>अब {code} भर रहे हैं ({count} / {capacity})। {previous} {pcount} / {pcapacity} पर खुला रहता है; उसे फिर शुरू करने के लिए दोबारा स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="50" />
        <source>{code} is already complete ({count} / {capacity}). Scan the next parent.</source>
        <translation>{code} पहले से पूरा है ({count} / {capacity})। अगला पैरेंट स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="53" />
        <source>{code} is already complete ({count} / {capacity}). Keep filling {previous} ({pcount} / {pcapacity}).</source>
        <translation>{code} पहले से पूरा है ({count} / {capacity})। {previous} भरते रहें ({pcount} / {pcapacity})।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="57" />
        <source>Scan a parent bag first: {code} is a child bag. Put it aside, scan the parent.</source>
        <translation>पहले पैरेंट बैग स्कैन करें: {code} चाइल्ड बैग है। इसे अलग रखें, पैरेंट स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="61" />
        <source>Finish {parent} with only {count} / {capacity}? Press FINISH again or CONFIRM to finish it; CANCEL to keep scanning.</source>
        <translation>{parent} केवल {count} / {capacity} पर पूरा करें? पूरा करने के लिए फिर FINISH या CONFIRM दबाएँ; स्कैन जारी रखने के लिए CANCEL।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="65" />
        <source>Not finished. Keep scanning children of {parent} ({count} / {capacity}).</source>
        <translation>पूरा नहीं किया। {parent} के चाइल्ड स्कैन करते रहें ({count} / {capacity})।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="68" />
        <source>{parent} finished with {count} children. Close it and scan the next parent.</source>
        <translation>{parent} {count} चाइल्ड के साथ पूरा हुआ। इसे बंद करें और अगला पैरेंट स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="72" />
        <source>{parent} was already complete. Scan the next parent.</source>
        <translation>{parent} पहले से पूरा था। अगला पैरेंट स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="73" />
        <source>No parent is open to finish. Scan a parent.</source>
        <translation>पूरा करने के लिए कोई पैरेंट खुला नहीं है। एक पैरेंट स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="74" />
        <source>{parent} has no children yet. Scan its children, or scan another parent.</source>
        <translation>{parent} में अभी कोई चाइल्ड नहीं है। इसके चाइल्ड स्कैन करें, या दूसरा पैरेंट स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="77" />
        <source>Nothing to confirm.</source>
        <translation>पुष्टि के लिए कुछ नहीं है।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="78" />
        <source>Nothing to cancel.</source>
        <translation>रद्द करने के लिए कुछ नहीं है।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="79" />
        <source>Nothing to undo in this session.</source>
        <translation>इस सत्र में पूर्ववत करने के लिए कुछ नहीं है।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="80" />
        <source>Undone: take {child} out of {parent} ({count} / {capacity}).</source>
        <translation>पूर्ववत: {child} को {parent} से निकालें ({count} / {capacity})।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="83" />
        <source>Undone: take {child} out of {parent} ({count} / {capacity}). {again} is open again.</source>
        <translation>पूर्ववत: {child} को {parent} से निकालें ({count} / {capacity})। {again} फिर से खुला है।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="87" />
        <source>{child} is no longer in {parent}; nothing to undo.</source>
        <translation>{child} अब {parent} में नहीं है; पूर्ववत करने को कुछ नहीं।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="88" />
        <source>Log in first, then scan.</source>
        <translation>पहले लॉग इन करें, फिर स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="89" />
        <source>Welcome, {name}. Scan a parent bag.</source>
        <translation>स्वागत है, {name}। पैरेंट बैग स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="90" />
        <source>Welcome, {name}. Scan or create a bill.</source>
        <translation>स्वागत है, {name}। बिल स्कैन करें या बनाएँ।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="91" />
        <source>Welcome, {name}. Scan a bag to look it up, or open the dashboard.</source>
        <translation>स्वागत है, {name}। खोजने के लिए बैग स्कैन करें, या डैशबोर्ड खोलें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="94" />
        <source>{name} logged out. Log in to scan.</source>
        <translation>{name} लॉग आउट हुए। स्कैन करने के लिए लॉग इन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="95" />
        <source>Log in to scan.</source>
        <translation>स्कैन करने के लिए लॉग इन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="96" />
        <source>{code} holds {count} of {capacity} children. Scan it again or press Confirm to put it on the bill anyway.</source>
        <translation>{code} में {capacity} में से {count} चाइल्ड हैं। फिर भी बिल पर रखने के लिए इसे दोबारा स्कैन करें या पुष्टि दबाएँ।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="100" />
        <source>{parent} on bill {bill}: {count} / {capacity}.</source>
        <translation>{parent} बिल {bill} पर: {count} / {capacity}।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="101" />
        <source>Bill {bill} created for {capacity} parents. Scan its parent bags.</source>
        <translation>बिल {bill} {capacity} पैरेंट के लिए बना। इसके पैरेंट बैग स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="104" />
        <source>{code} stays off bill {bill}. Scan the next parent.</source>
        <translation>{code} बिल {bill} से बाहर रहता है। अगला पैरेंट स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="105" />
        <source>Open or create a bill first.</source>
        <translation>पहले बिल खोलें या बनाएँ।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="106" />
        <source>Open a bill first.</source>
        <translation>पहले एक बिल खोलें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="107" />
        <source>There is no bill {bill} here. Create it first (or wait for sync).</source>
        <translation>यहाँ कोई बिल {bill} नहीं है। पहले इसे बनाएँ (या सिंक की प्रतीक्षा करें)।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="110" />
        <source>{code} is already on another bill ({bill}). Take it off that bill first.</source>
        <translation>{code} पहले से दूसरे बिल ({bill}) पर है। पहले उसे उस बिल से हटाएँ।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="113" />
        <source>Unknown bag {code}: it has never been packed. Send it to a packing station.</source>
        <translation>अज्ञात बैग {code}: यह कभी पैक नहीं हुआ। इसे पैकिंग स्टेशन भेजें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="117" />
        <source>Wrong bag type: {code} is a child bag. Only parent bags go onto a bill.</source>
        <translation>गलत बैग प्रकार: {code} चाइल्ड बैग है। बिल पर केवल पैरेंट बैग जाते हैं।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="120" />
        <source>Invalid format: {code} is not a bag code. Scan the parent bag's label.</source>
        <translation>अमान्य प्रारूप: {code} बैग कोड नहीं है। पैरेंट बैग का लेबल स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="123" />
        <source>Unknown bill {bill}. Create it first.</source>
        <translation>अज्ञात बिल {bill}। पहले इसे बनाएँ।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="124" />
        <source>Bill full ({capacity} parents). Complete it, or raise its capacity.</source>
        <translation>बिल भरा है ({capacity} पैरेंट)। इसे पूरा करें, या इसकी क्षमता बढ़ाएँ।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="127" />
        <source>Bill full ({capacity} parent). Complete it, or raise its capacity.</source>
        <translation>बिल भरा है ({capacity} पैरेंट)। इसे पूरा करें, या इसकी क्षमता बढ़ाएँ।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="130" />
        <source>{code} is not a parent or child label. Scan the bag's own label.</source>
        <translation>{code} पैरेंट या चाइल्ड लेबल नहीं है। बैग का अपना लेबल स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="133" />
        <source>Bill mode: scan or create a bill.</source>
        <translation>बिल मोड: बिल स्कैन करें या बनाएँ।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="134" />
        <source>Bill mode: bill {bill} is open.</source>
        <translation>बिल मोड: बिल {bill} खुला है।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="135" />
        <source>Scan mode: scan a parent bag.</source>
        <translation>स्कैन मोड: पैरेंट बैग स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="136" />
        <source>{code} taken out of {parent} and voided.</source>
        <translation>{code} को {parent} से निकाला और रद्द किया।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="137" />
        <source>{code} voided.</source>
        <translation>{code} रद्द किया।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="138" />
        <source>{code} restored; it can be used again.</source>
        <translation>{code} बहाल; इसे फिर से उपयोग किया जा सकता है।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="139" />
        <source>{parent} reopened ({count} / {capacity}); scan more children.</source>
        <translation>{parent} फिर से खुला ({count} / {capacity}); और चाइल्ड स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="142" />
        <source>{code} moved from {source} to {target}: {count} / {capacity}.</source>
        <translation>{code} को {source} से {target} में ले जाया गया: {count} / {capacity}।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="145" />
        <source>{code} removed from {parent} ({count} / {capacity}).</source>
        <translation>{code} को {parent} से हटाया ({count} / {capacity})।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="146" />
        <source>{code} taken off bill {bill}.</source>
        <translation>{code} को बिल {bill} से हटाया।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="147" />
        <source>Bill {bill} completed.</source>
        <translation>बिल {bill} पूरा हुआ।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="148" />
        <source>Bill {bill} reopened.</source>
        <translation>बिल {bill} फिर से खुला।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="149" />
        <source>{code} returned from bill {bill}.</source>
        <translation>{code} बिल {bill} से लौटाया गया।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="150" />
        <source>No scans for {minutes} minutes: scan a parent to continue ({parent} stays open at {count} / {capacity}).</source>
        <translation>{minutes} मिनट से कोई स्कैन नहीं: जारी रखने के लिए पैरेंट स्कैन करें ({parent} {count} / {capacity} पर खुला रहता है)।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="154" />
        <source>{code} was read twice in a row by the scanner; it counts once.</source>
        <translation>{code} स्कैनर ने लगातार दो बार पढ़ा; यह एक बार गिना जाता है।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="157" />
        <source>Two labels ran together in one read; neither was counted. Check that the scanner ends each read with Enter or Tab. Scan the label again.</source>
        <translation>एक रीड में दो लेबल साथ आ गए; कोई नहीं गिना गया। देखें कि स्कैनर हर रीड के अंत में Enter या Tab भेजता है। लेबल फिर से स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="161" />
        <source>Only the end of a label arrived (its start went elsewhere); it was not counted. Scan the label again.</source>
        <translation>लेबल का केवल अंत आया (उसकी शुरुआत कहीं और गई); यह नहीं गिना गया। लेबल फिर से स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="165" />
        <source>Typed keys and a scan ran together in the scan line; neither was counted. Scan the label again.</source>
        <translation>स्कैन लाइन में टाइप की गई कुंजियाँ और एक स्कैन साथ आ गए; कोई नहीं गिना गया। लेबल फिर से स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="169" />
        <source>The scanner sent a read shorter than any label; it was not counted. Scan the label again.</source>
        <translation>स्कैनर ने किसी भी लेबल से छोटा रीड भेजा; यह नहीं गिना गया। लेबल फिर से स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="173" />
        <source>This badge belongs to nobody. Log in by name.</source>
        <translation>यह बैज किसी का नहीं है। नाम से लॉग इन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="174" />
        <source>Wrong user name or password. Check and try again.</source>
        <translation>गलत उपयोगकर्ता नाम या पासवर्ड। जाँचें और फिर से कोशिश करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="175" />
        <source>Wrong user name or password. {left} tries left before the account locks.</source>
        <translation>गलत उपयोगकर्ता नाम या पासवर्ड। खाता लॉक होने से पहले {left} कोशिशें बाकी हैं।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="178" />
        <source>The account {user} is disabled.</source>
        <translation>खाता {user} बंद है।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="179" />
        <source>Bill {bill} completed with {count} parents (capacity lowered from {capacity}).</source>
        <translation>बिल {bill} {count} पैरेंट के साथ पूरा हुआ (क्षमता {capacity} से घटाई गई)।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="183" />
        <source>Bill {bill} has no parents yet: scan parents onto it first.</source>
        <translation>बिल {bill} पर अभी कोई पैरेंट नहीं है: पहले उस पर पैरेंट स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="186" />
        <source>{code} is a child bag; only parent bags go onto a bill.</source>
        <translation>{code} चाइल्ड बैग है; बिल पर केवल पैरेंट बैग जाते हैं।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="187" />
        <source>{code} is already on bill {bill}.</source>
        <translation>{code} पहले से बिल {bill} पर है।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="188" />
        <source>{code} is already on bill {bill}. Take it off there first.</source>
        <translation>{code} पहले से बिल {bill} पर है। पहले उसे वहाँ से हटाएँ।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="189" />
        <source>Bill {bill} is completed.</source>
        <translation>बिल {bill} पूरा हो चुका है।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="190" />
        <source>Bill {bill} is full ({count} / {capacity}).</source>
        <translation>बिल {bill} भरा है ({count} / {capacity})।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="191" />
        <source>{code} is full ({count} / {capacity}). Scan a new parent.</source>
        <translation>{code} भरा है ({count} / {capacity})। नया पैरेंट स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="192" />
        <source>{code} was voided; put it aside (an admin may restore it).</source>
        <translation>{code} रद्द किया गया था; इसे अलग रखें (एडमिन इसे बहाल कर सकता है)।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="193" />
        <source>Nothing to change on bill {bill}.</source>
        <translation>बिल {bill} पर बदलने को कुछ नहीं।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="194" />
        <source>label number {label} from a long label</source>
        <translation>लंबे लेबल से लेबल नंबर {label}</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="196" />
        <source>Welcome, {name}. {next_step}</source>
        <translation>स्वागत है, {name}। {next_step}</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="197" />
        <source>Scan a parent bag.</source>
        <translation>पैरेंट बैग स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="198" />
        <source>Scan or create a bill.</source>
        <translation>बिल स्कैन करें या बनाएँ।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="199" />
        <source>Scan a bag to look it up, or open the dashboard.</source>
        <translation>खोजने के लिए बैग स्कैन करें, या डैशबोर्ड खोलें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="200" />
        <source>{message} Log in first.</source>
        <translation>{message} पहले लॉग इन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="201" />
        <source>{message} Scan the label again.</source>
        <translation>{message} लेबल फिर से स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="202" />
        <source>That request timed out. {again}</source>
        <translation>समय खत्म हो गया। {again}</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="203" />
        <source>Scan {parent} again if you still want it on the bill.</source>
        <translation>अगर अब भी इसे बिल पर रखना है, तो {parent} फिर से स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="204" />
        <source>Press FINISH again if you still want to finish.</source>
        <translation>अगर अब भी पूरा करना है, तो फिर से FINISH दबाएँ।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="205" />
        <source>Undone: take {child} out of {parent} ({count} / {capacity}).{again}</source>
        <translation>पूर्ववत: {child} को {parent} से निकालें ({count} / {capacity})।{again}</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="208" />
        <source> {parent} is open again.</source>
        <translation> {parent} फिर से खुला है।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="209" />
        <source>A {role} cannot {what}. Ask an admin.</source>
        <translation>{role} {what} नहीं कर सकता। एडमिन से कहें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="210" />
        <source>A nobody cannot {what}. Ask an admin.</source>
        <translation>लॉग इन के बिना {what} नहीं कर सकते। एडमिन से कहें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="211" />
        <source>pack bags</source>
        <translation>बैग पैक</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="212" />
        <source>work on bills</source>
        <translation>बिल पर काम</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="213" />
        <source>create bills</source>
        <translation>बिल तैयार</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="214" />
        <source>change bills</source>
        <translation>बिल में बदलाव</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="215" />
        <source>complete bills</source>
        <translation>बिल पूरा</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="216" />
        <source>reopen bills</source>
        <translation>बिल फिर से चालू</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="217" />
        <source>handle returns</source>
        <translation>रिटर्न का काम</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="218" />
        <source>This label</source>
        <translation>यह लेबल</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="219" />
        <source>Bill full ({capacity} {parents}). Complete it, or raise its capacity.</source>
        <translation>बिल भरा है ({capacity} पैरेंट)। इसे पूरा करें, या इसकी क्षमता बढ़ाएँ।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="222" />
        <source>Bill {bill} changed: {changes}.</source>
        <translation>बिल {bill} बदला: {changes}।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="223" />
        <source>capacity {old} → {new}</source>
        <translation>क्षमता {old} → {new}</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="224" />
        <source>destination {value}</source>
        <translation>गंतव्य {value}</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="225" />
        <source>vehicle {value}</source>
        <translation>गाड़ी {value}</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="226" />
        <source>(none)</source>
        <translation>(कोई नहीं)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="227" />
        <source>{what} needs both the child and its parent.</source>
        <translation>{what}: चाइल्ड और उसका पैरेंट, दोनों चाहिए।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="228" />
        <source>Undo</source>
        <translation>पूर्ववत</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="229" />
        <source>Removing a child</source>
        <translation>चाइल्ड हटाना</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="230" />
        <source>{code} is not in {parent}; {where}</source>
        <translation>{code} {parent} में नहीं है; {where}</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="231" />
        <source>it is in {parent}.</source>
        <translation>यह {parent} में है।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="232" />
        <source>{code} is in no parent bag.</source>
        <translation>{code} किसी पैरेंट बैग में नहीं है।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="233" />
        <source>Parent {code}: {count} children, {status}{where}.</source>
        <translation>पैरेंट {code}: {count} चाइल्ड, {status}{where}।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="234" />
        <source>, on bill {bill}</source>
        <translation>, बिल {bill} पर</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="236" />
        <source>Bill {bill} ({state}): {count} / {capacity} parents. Scan its parent bags.</source>
        <translation>बिल {bill} ({state}): {count} / {capacity} पैरेंट। इसके पैरेंट बैग स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="239" />
        <source>Bill {bill} is open again ({count} / {capacity} parents). Scan parents onto it, or edit its capacity.</source>
        <translation>बिल {bill} फिर से खुला ({count} / {capacity} पैरेंट)। इस पर पैरेंट स्कैन करें, या इसकी क्षमता बदलें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="243" />
        <source>{code} is not a bill id or bag code. Scan the bill or the bag label.</source>
        <translation>{code} न बिल आईडी है, न बैग कोड। बिल या बैग का लेबल स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="246" />
        <source>{code} is not a bag code. Scan the parent bag's label.</source>
        <translation>{code} बैग कोड नहीं है। पैरेंट बैग का लेबल स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="247" />
        <source>There is no bill {bill}.</source>
        <translation>बिल {bill} नहीं है।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="248" />
        <source>{code} is a parent bag: open or create a bill first, then scan it.</source>
        <translation>{code} पैरेंट बैग है: पहले बिल खोलें या बनाएँ, फिर इसे स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="251" />
        <source>Bill {bill} already holds {count} parents: its capacity cannot go below {least}. Take parents off first to go lower.</source>
        <translation>बिल {bill} पर पहले से {count} पैरेंट हैं: इसकी क्षमता {least} से कम नहीं हो सकती। कम करने के लिए पहले पैरेंट हटाएँ।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="256" />
        <source>Too many wrong passwords: {user} is locked until {time}. Wait, or ask a supervisor.</source>
        <translation>कई बार गलत पासवर्ड: {user} {time} तक लॉक है। रुकें, या सुपरवाइज़र से कहें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="260" />
        <source>{user} has no station role.</source>
        <translation>{user} की स्टेशन पर कोई भूमिका नहीं है।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="261" />
        <source>{user} is not an operator known to this station. Check the name, or let the station sync once with the server to receive the operator list.</source>
        <translation>{user} इस स्टेशन का ऑपरेटर नहीं है। नाम जाँचें, या ऑपरेटर सूची पाने के लिए स्टेशन को एक बार सर्वर से सिंक होने दें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="265" />
        <source>{user} is a {role} and cannot scan bags.</source>
        <translation>{user} {role} है, बैग स्कैन नहीं कर सकता।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="266" />
        <source>{tries} wrong passwords: {user} is locked for {minutes} minutes.</source>
        <translation>{tries} बार गलत पासवर्ड: {user} {minutes} मिनट के लिए लॉक है।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="270" />
        <source>Child {code} is in {parent}.</source>
        <translation>चाइल्ड {code} {parent} में है।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="271" />
        <source>Child {code} is free.</source>
        <translation>चाइल्ड {code} किसी पैरेंट में नहीं है।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="272" />
        <source>Bill {bill}: {count} / {capacity} parents, {actual} of {expected} kg, {status}.</source>
        <translation>बिल {bill}: {count} / {capacity} पैरेंट, {expected} में से {actual} kg, {status}।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="276" />
        <source>{code} is voided: it counts nowhere until an admin restores it.</source>
        <translation>{code} अमान्य है: एडमिन के वापस मान्य करने तक यह कहीं नहीं गिना जाता।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="279" />
        <source>{code} is not known at this station (it may not have synced yet).</source>
        <translation>{code} इस स्टेशन पर नहीं है (शायद अभी सिंक नहीं हुआ)।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="283" />
        <source>A {role} cannot correct bags. Ask a biller or an admin.</source>
        <translation>{role} बैग में सुधार नहीं कर सकता। बिलर या एडमिन से कहें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="284" />
        <source>Only an admin can restore a voided bag; a {role} cannot.</source>
        <translation>रद्द बैग केवल एडमिन बहाल कर सकता है; {role} नहीं।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="285" />
        <source>{code} is in no parent.</source>
        <translation>{code} किसी पैरेंट में नहीं है।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="286" />
        <source>Scan or type the parent to move it into.</source>
        <translation>जिस पैरेंट में ले जाना है, उसे स्कैन करें या टाइप करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="287" />
        <source>{code} is on no bill.</source>
        <translation>{code} किसी बिल पर नहीं है।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="288" />
        <source>Log in first.</source>
        <translation>पहले लॉग इन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="289" />
        <source>Pick the reason for this correction.</source>
        <translation>इस सुधार का कारण चुनें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="290" />
        <source>Say why in the note (the reason is Other).</source>
        <translation>नोट में वजह लिखें (कारण 'अन्य' है)।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="291" />
        <source>Keep the note under {limit} characters.</source>
        <translation>नोट {limit} अक्षरों से छोटा रखें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="293" />
        <source>{code} moved from {source}; {target} is complete: {count} / {capacity}.</source>
        <translation>{code} को {source} से ले जाया गया; {target} पूरा हो गया: {count} / {capacity}।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="296" />
        <source>{parent} finished with {count} children.</source>
        <translation>{parent} {count} चाइल्ड के साथ पूरा हुआ।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="297" />
        <source>Bill {bill} created for {capacity} parents.</source>
        <translation>बिल {bill} {capacity} पैरेंट के लिए बना।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="298" />
        <source>Bill {bill} updated.</source>
        <translation>बिल {bill} बदला गया।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="299" />
        <source>Refused read recorded ({reason}).</source>
        <translation>अस्वीकार रीड दर्ज ({reason})।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="300" />
        <source>Unknown event type {type}.</source>
        <translation>अज्ञात इवेंट प्रकार {type}।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="301" />
        <source>Pick why this correction is made.</source>
        <translation>यह सुधार क्यों हो रहा है, कारण चुनें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="302" />
        <source>{reason} is not a correction reason; pick one from the list.</source>
        <translation>{reason} सुधार का कारण नहीं है; सूची से एक चुनें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="305" />
        <source>The reason is 'other': say why in a note.</source>
        <translation>कारण 'अन्य' है: नोट में वजह लिखें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="306" />
        <source>No parent code was given.</source>
        <translation>कोई पैरेंट कोड नहीं दिया गया।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="307" />
        <source>{code} is a child bag, not a parent. Scan a parent bag.</source>
        <translation>{code} चाइल्ड बैग है, पैरेंट नहीं। पैरेंट बैग स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="308" />
        <source>{code} is not a parent bag code. Scan a parent label.</source>
        <translation>{code} पैरेंट बैग कोड नहीं है। पैरेंट लेबल स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="309" />
        <source>{code} is already complete with {count} children.</source>
        <translation>{code} पहले से {count} चाइल्ड के साथ पूरा है।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="310" />
        <source>{code}: scan its children ({count} / {capacity}).</source>
        <translation>{code}: इसके चाइल्ड स्कैन करें ({count} / {capacity})।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="311" />
        <source>No child code was given.</source>
        <translation>कोई चाइल्ड कोड नहीं दिया गया।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="312" />
        <source>{code} cannot go into itself.</source>
        <translation>{code} अपने ही अंदर नहीं जा सकता।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="313" />
        <source>{code} is a parent bag, not a child. Scan a child label.</source>
        <translation>{code} पैरेंट बैग है, चाइल्ड नहीं। चाइल्ड लेबल स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="314" />
        <source>{code} is not a child bag code. Scan a child label.</source>
        <translation>{code} चाइल्ड बैग कोड नहीं है। चाइल्ड लेबल स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="315" />
        <source>{code} is already in {parent}. Nothing to do.</source>
        <translation>{code} पहले से {parent} में है। कुछ करना नहीं।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="316" />
        <source>{holder} already holds {code}. Put it back.</source>
        <translation>{code} पहले से {holder} में है। इसे वापस रखें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="317" />
        <source>Undone: {code} is out of {parent} ({count} / {capacity}).</source>
        <translation>पूर्ववत: {code} {parent} से बाहर ({count} / {capacity})।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="318" />
        <source>Name the parent the child leaves.</source>
        <translation>बताएँ कि चाइल्ड किस पैरेंट से निकल रहा है।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="319" />
        <source>{code} is not a known bag.</source>
        <translation>{code} कोई ज्ञात बैग नहीं है।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="320" />
        <source>{code} is already complete.</source>
        <translation>{code} पहले से पूरा है।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="321" />
        <source>{code} has no children; scan some before finishing.</source>
        <translation>{code} में कोई चाइल्ड नहीं है; पूरा करने से पहले चाइल्ड स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="322" />
        <source>{code} is open already; nothing to reopen.</source>
        <translation>{code} पहले से खुला है; फिर से खोलने को कुछ नहीं।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="323" />
        <source>{code} holds {count} / {capacity}: remove a child first.</source>
        <translation>{code} में {count} / {capacity} हैं: पहले एक चाइल्ड हटाएँ।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="324" />
        <source>No bag code was given.</source>
        <translation>कोई बैग कोड नहीं दिया गया।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="325" />
        <source>{code} is voided already.</source>
        <translation>{code} पहले से रद्द है।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="326" />
        <source>{code} is on bill {bill}: take it off the bill first.</source>
        <translation>{code} बिल {bill} पर है: पहले इसे बिल से हटाएँ।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="327" />
        <source>{code} still holds children: move or remove its {count} children first.</source>
        <translation>{code} में अभी चाइल्ड हैं: पहले इसके {count} चाइल्ड हटाएँ या दूसरे पैरेंट में ले जाएँ।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="330" />
        <source>{code} is not voided; nothing to restore.</source>
        <translation>{code} रद्द नहीं है; बहाल करने को कुछ नहीं।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="331" />
        <source>A bill holds 1 to {limit} parents, not {capacity}.</source>
        <translation>बिल में 1 से {limit} पैरेंट आते हैं, {capacity} नहीं।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="332" />
        <source>The bill already holds {count} parents; capacity cannot be {capacity}.</source>
        <translation>बिल पर पहले से {count} पैरेंट हैं; क्षमता {capacity} नहीं हो सकती।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="335" />
        <source>data.{field} must be text of up to 200 characters.</source>
        <translation>data.{field} में 200 अक्षर तक का टेक्स्ट होना चाहिए।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="336" />
        <source>Bill {bill} exists already; open it instead.</source>
        <translation>बिल {bill} पहले से है; उसी को खोलें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="337" />
        <source>{code} is not a bag code.</source>
        <translation>{code} बैग कोड नहीं है।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="338" />
        <source>There is no bill {bill}. Create it first.</source>
        <translation>बिल {bill} नहीं है। पहले इसे बनाएँ।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="339" />
        <source>{code} has never been packed; pack it at a station first.</source>
        <translation>{code} कभी पैक नहीं हुआ; पहले इसे स्टेशन पर पैक करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="340" />
        <source>{code} is not on bill {bill}.</source>
        <translation>{code} बिल {bill} पर नहीं है।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="341" />
        <source>Bill {bill} is already completed.</source>
        <translation>बिल {bill} पहले से पूरा है।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="342" />
        <source>Bill {bill} holds {count} of {capacity} parents; lower its capacity to close it early.</source>
        <translation>बिल {bill} पर {capacity} में से {count} पैरेंट हैं; जल्दी बंद करने के लिए इसकी क्षमता घटाएँ।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="346" />
        <source>Bill {bill} is open already.</source>
        <translation>बिल {bill} पहले से खुला है।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="347" />
        <source>{code} is not on any bill.</source>
        <translation>{code} किसी बिल पर नहीं है।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="348" />
        <source>{code} is not in {parent}; nothing to undo.</source>
        <translation>{code} {parent} में नहीं है; पूर्ववत करने को कुछ नहीं।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="349" />
        <source>No bill id was given.</source>
        <translation>कोई बिल आईडी नहीं दी गई।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="350" />
        <source>{bill} is not a valid bill id.</source>
        <translation>{bill} सही बिल आईडी नहीं है।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="352" />
        <source>The scanner sent binary noise, not a barcode.</source>
        <translation>स्कैनर ने बारकोड नहीं, बेकार डेटा भेजा।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="353" />
        <source>This read holds more than one line (two labels ran together); check the scanner's suffix setting and scan again.</source>
        <translation>इस रीड में एक से ज़्यादा लाइन हैं (दो लेबल साथ आ गए); स्कैनर की सफ़िक्स सेटिंग जाँचें और फिर से स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="357" />
        <source>The read is {length} characters long; no label is over {limit}.</source>
        <translation>रीड {length} अक्षर लंबा है; कोई लेबल {limit} से लंबा नहीं होता।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="360" />
        <source>The scanner sent an empty read.</source>
        <translation>स्कैनर ने खाली रीड भेजा।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="361" />
        <source>The scanner sent unreadable characters.</source>
        <translation>स्कैनर ने ऐसे अक्षर भेजे जो पढ़े नहीं जाते।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="362" />
        <source>The GS1 barcode could not be read: {why}</source>
        <translation>GS1 बारकोड पढ़ा नहीं जा सका: {why}</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="363" />
        <source>EAN/UPC barcode failed its check: {why}</source>
        <translation>EAN/UPC बारकोड जाँच में गलत निकला: {why}</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="364" />
        <source>GS1 barcode failed its check: {why}</source>
        <translation>GS1 बारकोड जाँच में गलत निकला: {why}</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="365" />
        <source>Two labels ran together in one read; neither was counted. Check that the scanner ends each read with Enter or Tab.</source>
        <translation>एक रीड में दो लेबल साथ आ गए; कोई नहीं गिना गया। देखें कि स्कैनर हर रीड के अंत में Enter या Tab भेजता है।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="369" />
        <source>Only the end of a label arrived (its start went elsewhere); it was not counted.</source>
        <translation>लेबल का केवल अंत आया (उसकी शुरुआत कहीं और गई); यह नहीं गिना गया।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="373" />
        <source>Typed keys and a scan ran together in the scan line; neither was counted.</source>
        <translation>स्कैन लाइन में टाइप की गई कुंजियाँ और एक स्कैन साथ आ गए; कोई नहीं गिना गया।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="376" />
        <source>The scanner sent a read shorter than any label; it was not counted.</source>
        <translation>स्कैनर ने किसी भी लेबल से छोटा रीड भेजा; यह नहीं गिना गया।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="379" />
        <source>The scanner sent a label without Enter or Tab at the end; it was not counted. Set its suffix, or choose 'no suffix' in Settings, Scanners.</source>
        <translation>स्कैनर ने अंत में Enter या Tab के बिना लेबल भेजा; यह नहीं गिना गया। इसका सफ़िक्स सेट करें, या सेटिंग्स, स्कैनर में 'no suffix' चुनें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="383" />
        <source>The read was not whole; scan it again.</source>
        <translation>रीड पूरा नहीं था; इसे फिर से स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="384" />
        <source>The scanner sent more than {limit} characters without an end of line; check its terminator setting.</source>
        <translation>स्कैनर ने लाइन के अंत के बिना {limit} से ज़्यादा अक्षर भेजे; इसकी टर्मिनेटर सेटिंग जाँचें।</translation>
    </message>
</context>
<context>
    <name>NewStationDialog</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="58" />
        <source>New station</source>
        <translation>नया स्टेशन</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="60" />
        <source>e.g. Lucknow-3</source>
        <translation>जैसे Lucknow-3</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="62" />
        <source>(no area)</source>
        <translation>(कोई क्षेत्र नहीं)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="66" />
        <source>&amp;Name</source>
        <translation>नाम (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="67" />
        <source>&amp;Area</source>
        <translation>क्षेत्र (&amp;A)</translation>
    </message>
</context>
<context>
    <name>OperatorPage</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="274" />
        <source>First operator</source>
        <translation>पहला ऑपरेटर</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="275" />
        <source>This person becomes the station's admin and can add others.</source>
        <translation>यह व्यक्ति स्टेशन का एडमिन बनेगा और दूसरों को जोड़ सकेगा।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="283" />
        <source>&amp;Username</source>
        <translation>उपयोगकर्ता नाम (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="284" />
        <source>&amp;Password</source>
        <translation>पासवर्ड (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="285" />
        <source>Password &amp;again</source>
        <translation>पासवर्ड दोबारा (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="293" />
        <source>Use 2 to 32 lower-case letters, digits, dot, dash or underscore.</source>
        <translation>2 से 32 छोटे अक्षर, अंक, बिंदु, डैश या अंडरस्कोर इस्तेमाल करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="295" />
        <source>The password needs at least {n} characters.</source>
        <translation>पासवर्ड में कम से कम {n} अक्षर चाहिए।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="297" />
        <source>The two passwords differ; type them again.</source>
        <translation>दोनों पासवर्ड अलग हैं; फिर से लिखें।</translation>
    </message>
</context>
<context>
    <name>OperatorWidget</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/statusbar/operator.py" line="23" />
        <source>Log out</source>
        <translation>लॉग आउट</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/statusbar/operator.py" line="34" />
        <source>{name} ({role})</source>
        <translation>{name} ({role})</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/statusbar/operator.py" line="36" />
        <source>Nobody logged in</source>
        <translation>कोई लॉग इन नहीं</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="176" />
        <source>New password for {name}</source>
        <translation>{name} के लिए नया पासवर्ड</translation>
    </message>
</context>
<context>
    <name>PendingWidget</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/statusbar/pending.py" line="44" />
        <source>All synced</source>
        <translation>सब सिंक हो गया</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/statusbar/pending.py" line="47" />
        <source>{n} waiting to sync</source>
        <translation>{n} सिंक की प्रतीक्षा में</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/statusbar/pending.py" line="30" />
        <location filename="../../tracetrack_desktop/ui/statusbar/pending.py" line="51" />
        <source>{n} waiting to sync (oldest {age})</source>
        <translation>{n} सिंक की प्रतीक्षा में (सबसे पुराना {age})</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="397" />
        <source>OK</source>
        <translation>ठीक है</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="398" />
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="399" />
        <source>Close</source>
        <translation>बंद करें</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="400" />
        <source>Apply</source>
        <translation>लागू करें</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="401" />
        <source>Save</source>
        <translation>सहेजें</translation>
    </message>
</context>
<context>
    <name>QWizard</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="393" />
        <source>&lt; &amp;Back</source>
        <translation>&lt; पीछे (&amp;B)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="394" />
        <source>&amp;Next &gt;</source>
        <translation>आगे (&amp;N) &gt;</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="395" />
        <source>&amp;Finish</source>
        <translation>पूरा करें (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="396" />
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
</context>
<context>
    <name>RulesPage</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="39" />
        <source>parent</source>
        <translation>पैरेंट</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="40" />
        <source>child</source>
        <translation>चाइल्ड</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="41" />
        <source>bill</source>
        <translation>बिल</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="42" />
        <source>command</source>
        <translation>कमांड</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="43" />
        <source>unknown</source>
        <translation>अज्ञात</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="72" />
        <source>Series name</source>
        <translation>सीरीज़ का नाम</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="73" />
        <source>Pattern</source>
        <translation>पैटर्न</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="74" />
        <source>Children per parent</source>
        <translation>प्रति पैरेंट चाइल्ड</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="75" />
        <source>kg per parent</source>
        <translation>प्रति पैरेंट किग्रा</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="82" />
        <source>Add &amp;series</source>
        <translation>सीरीज़ जोड़ें (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="83" />
        <source>Remove s&amp;eries</source>
        <translation>सीरीज़ हटाएँ (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="87" />
        <source>Parent pattern, e.g. "SB followed by 5 digits": SB[0-9]{5}</source>
        <translation>पैरेंट पैटर्न, जैसे "SB के बाद 5 अंक": SB[0-9]{5}</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="91" />
        <source>Child pattern, e.g. 4 to 20 capital letters or digits: [A-Z0-9]{4,20}</source>
        <translation>चाइल्ड पैटर्न, जैसे 4 से 20 बड़े अक्षर या अंक: [A-Z0-9]{4,20}</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="94" />
        <source>Bill pattern, e.g. BILL- and 6 digits: BILL-[0-9]{6}</source>
        <translation>बिल पैटर्न, जैसे BILL- और 6 अंक: BILL-[0-9]{6}</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="96" />
        <source>One code per line, e.g. SB00042</source>
        <translation>हर पंक्ति में एक कोड, जैसे SB00042</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="97" />
        <source>&amp;Try codes</source>
        <translation>कोड आज़माएँ (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="100" />
        <source>Code</source>
        <translation>कोड</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="100" />
        <source>Kind</source>
        <translation>प्रकार</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="100" />
        <source>Series</source>
        <translation>सीरीज़</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="100" />
        <source>Note</source>
        <translation>टिप्पणी</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="105" />
        <source>&amp;Publish to every station</source>
        <translation>हर स्टेशन पर प्रकाशित करें (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="114" />
        <source>&amp;Child pattern</source>
        <translation>चाइल्ड पैटर्न (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="116" />
        <source>&amp;Bill pattern</source>
        <translation>बिल पैटर्न (&amp;B)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="119" />
        <source>Try codes against these rules (not saved):</source>
        <translation>इन नियमों पर कोड आज़माएँ (सहेजे नहीं जाते):</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="129" />
        <source>Parent series:</source>
        <translation>पैरेंट सीरीज़:</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="198" />
        <source>Type at least one code to try.</source>
        <translation>आज़माने के लिए कम से कम एक कोड लिखें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="215" />
        <source>The child pattern</source>
        <translation>चाइल्ड पैटर्न</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="217" />
        <source>The parent series {name}</source>
        <translation>पैरेंट सीरीज़ {name}</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="221" />
        <source>{what} matches no code a scanner can deliver (codes are read in capitals).</source>
        <translation>{what} किसी भी ऐसे कोड से मेल नहीं खाता जो स्कैनर दे सकता है (कोड बड़े अक्षरों में पढ़े जाते हैं)।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="224" />
        <source>{what} matches almost anything, even {examples}.</source>
        <translation>{what} लगभग किसी भी चीज़ से मेल खाता है, {examples} से भी।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="233" />
        <source>The site uses the default rules.</source>
        <translation>साइट डिफ़ॉल्ट नियम इस्तेमाल करती है।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="235" />
        <source>Version {version} of the site's rules.</source>
        <translation>साइट के नियमों का संस्करण {version}।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="258" />
        <source>Version {version} published to every station.</source>
        <translation>संस्करण {version} हर स्टेशन पर प्रकाशित हुआ।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="262" />
        <source>Code rules published.</source>
        <translation>कोड नियम प्रकाशित हुए।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/rules_page.py" line="267" />
        <source>Someone else changed the code rules meanwhile: showing theirs; make your change again.</source>
        <translation>इस बीच किसी और ने कोड नियम बदल दिए: उनके नियम दिखाए जा रहे हैं; अपना बदलाव फिर से करें।</translation>
    </message>
</context>
<context>
    <name>ScanTab</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="64" />
        <source>Yes, finish (F10)</source>
        <translation>हाँ, पूरा करें (F10)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="65" />
        <source>No, keep scanning (Esc)</source>
        <translation>नहीं, स्कैन जारी रखें (Esc)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="74" />
        <source>Time</source>
        <translation>समय</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="74" />
        <source>Code</source>
        <translation>कोड</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="74" />
        <source>Outcome</source>
        <translation>परिणाम</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="74" />
        <source>Message</source>
        <translation>संदेश</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="95" />
        <source>Type a code and press Enter (scanners need no click)</source>
        <translation>कोड लिखें और Enter दबाएँ (स्कैनर को क्लिक की ज़रूरत नहीं)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="97" />
        <source>Undo last (F9)</source>
        <translation>आख़िरी वापस (F9)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="98" />
        <source>Finish parent (F10)</source>
        <translation>पैरेंट पूरा (F10)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="137" />
        <source>LOG IN TO SCAN</source>
        <translation>स्कैन के लिए लॉग इन करें</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="138" />
        <source>SCAN PARENT</source>
        <translation>पैरेंट स्कैन करें</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="139" />
        <source>SCAN CHILDREN</source>
        <translation>चाइल्ड स्कैन करें</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="140" />
        <source>FINISH EARLY?</source>
        <translation>पहले ही पूरा करें?</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="141" />
        <source>SCAN PARENTS ONTO BILL</source>
        <translation>बिल पर पैरेंट स्कैन करें</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="149" />
        <source>Parent {code}</source>
        <translation>पैरेंट {code}</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="152" />
        <source>No parent open</source>
        <translation>कोई पैरेंट खुला नहीं</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="159" />
        <source>{parent} has only {n} of {cap} children. Finish it anyway? Press F10 or scan CONFIRM to finish, Esc or scan CANCEL to keep scanning.</source>
        <translation>{parent} में {cap} में से केवल {n} चाइल्ड हैं। फिर भी पूरा करें? पूरा करने के लिए F10 दबाएँ या CONFIRM स्कैन करें; स्कैन जारी रखने के लिए Esc दबाएँ या CANCEL स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="180" />
        <source>GOOD</source>
        <translation>सही</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="181" />
        <source>PARENT</source>
        <translation>पैरेंट</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="182" />
        <source>COMPLETE</source>
        <translation>पूरा</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="183" />
        <source>DUPLICATE</source>
        <translation>दोहराव</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="184" />
        <source>ERROR</source>
        <translation>त्रुटि</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="185" />
        <source>INFO</source>
        <translation>सूचना</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/scan_tab.py" line="186" />
        <source>CONFIRM?</source>
        <translation>पुष्टि?</translation>
    </message>
</context>
<context>
    <name>ScannerAlarm</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/statusbar/scanner_alarm.py" line="25" />
        <source>SCANNER DISCONNECTED: {names}. Check the cable or power; scans from it are not being read.</source>
        <translation>स्कैनर डिस्कनेक्ट: {names}। केबल या बिजली जाँचें; इसके स्कैन पढ़े नहीं जा रहे।</translation>
    </message>
</context>
<context>
    <name>ScannerPage</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="248" />
        <source>Test your scanner</source>
        <translation>अपना स्कैनर जाँचें</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="249" />
        <source>Scan any bag label. You can skip this and test later.</source>
        <translation>कोई भी बैग लेबल स्कैन करें। आप इसे छोड़कर बाद में जाँच सकते हैं।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="264" />
        <source>These scanner settings are saved when you finish; you can change them later in Settings.</source>
        <translation>सेटअप पूरा करने पर ये स्कैनर सेटिंग्स सहेजी जाएँगी; आप इन्हें बाद में सेटिंग्स में बदल सकते हैं।</translation>
    </message>
</context>
<context>
    <name>ScannerProfile</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="309" />
        <source>Slowest gap between keys in {reads} reads: {slowest} ms. Key gap: {gap} ms.</source>
        <translation>{reads} स्कैन में कुंजियों के बीच सबसे धीमा अंतर: {slowest} ms। कुंजी अंतर: {gap} ms।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="313" />
        <source>The scanner ends each code with {key}.</source>
        <translation>स्कैनर हर कोड के अंत में {key} भेजता है।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="314" />
        <source>The scanner sends nothing after a code: a read will end after a short pause.</source>
        <translation>स्कैनर कोड के बाद कुछ नहीं भेजता: थोड़ा रुकने पर स्कैन पूरा माना जाएगा।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="318" />
        <source>The reads ended with different keys: Enter and Tab will both end a read.</source>
        <translation>स्कैन अलग-अलग कुंजियों पर खत्म हुए: Enter और Tab दोनों से स्कैन पूरा होगा।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="322" />
        <source>This scanner types almost as slowly as a person; set a prefix on the scanner (see docs/scanners.md) and enter it here.</source>
        <translation>यह स्कैनर लगभग इंसान जितना धीरे लिखता है; स्कैनर पर एक प्रीफ़िक्स सेट करें (docs/scanners.md देखें) और वही यहाँ भी लिखें।</translation>
    </message>
</context>
<context>
    <name>ScannerTestPanel</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="66" />
        <source>Scan &amp;here</source>
        <translation>यहाँ स्कैन करें</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="68" />
        <source>Scan a label now. Nothing is recorded while you test.</source>
        <translation>अब एक लेबल स्कैन करें। जाँच के दौरान कुछ दर्ज नहीं होता।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="75" />
        <source>&amp;Use these settings</source>
        <translation>ये सेटिंग्स अपनाएँ</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="88" />
        <source>Received</source>
        <translation>प्राप्त</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="89" />
        <source>From</source>
        <translation>कहाँ से</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="90" />
        <source>Code and kind</source>
        <translation>कोड और प्रकार</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="91" />
        <source>Symbology</source>
        <translation>सिम्बोलॉजी</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="92" />
        <source>GS1 fields</source>
        <translation>GS1 फ़ील्ड</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="93" />
        <source>Gaps between keys (ms)</source>
        <translation>कुंजियों के बीच अंतर (ms)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="122" />
        <source>refused: {why}</source>
        <translation>अस्वीकार: {why}</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="129" />
        <source>none sent</source>
        <translation>नहीं भेजा</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="136" />
        <source>{gaps}
total {total:.0f} ms, slowest gap {worst:.0f} ms</source>
        <translation>{gaps}
कुल {total:.0f} ms, सबसे धीमा अंतर {worst:.0f} ms</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="141" />
        <source>(serial scanner: no keystroke timing)</source>
        <translation>(सीरियल स्कैनर: कुंजी समय नहीं)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/scanner_test_panel.py" line="162" />
        <source>Scan the same label a few times to learn this scanner's settings: {done} of {need}.</source>
        <translation>इस स्कैनर की सेटिंग्स सीखने के लिए एक ही लेबल कुछ बार स्कैन करें: {need} में से {done}।</translation>
    </message>
</context>
<context>
    <name>ScannersWidget</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/statusbar/scanners.py" line="34" />
        <source>Scanners: keyboard</source>
        <translation>स्कैनर: कीबोर्ड</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/statusbar/scanners.py" line="37" />
        <source>Scanners: {list}</source>
        <translation>स्कैनर: {list}</translation>
    </message>
</context>
<context>
    <name>ServerPage</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="71" />
        <source>Where is the server?</source>
        <translation>सर्वर कहाँ है?</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="73" />
        <source>Type the address your admin gave you, or run this station on its own.</source>
        <translation>एडमिन का दिया पता लिखें, या इस स्टेशन को अकेले चलाएँ।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="77" />
        <source>&amp;Offline only: no server for now</source>
        <translation>केवल ऑफ़लाइन: अभी कोई सर्वर नहीं (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/first_run.py" line="80" />
        <source>Server &amp;address</source>
        <translation>सर्वर पता (&amp;A)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="83" />
        <source>Station settings</source>
        <translation>स्टेशन सेटिंग्स</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="88" />
        <source>Offline only (no server)</source>
        <translation>केवल ऑफ़लाइन (कोई सर्वर नहीं)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="91" />
        <source>Allow &amp;unencrypted http:// to this server</source>
        <translation>इस सर्वर से बिना एन्क्रिप्शन के http:// की अनुमति दें (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="97" />
        <source>Without https://, the users' password hashes and every scan travel over the network unencrypted: anyone on it can read or change them. Allow this only on a network you trust, until the server has TLS.</source>
        <translation>https:// के बिना उपयोगकर्ताओं के पासवर्ड हैश और हर स्कैन नेटवर्क पर बिना एन्क्रिप्शन के जाते हैं: नेटवर्क पर कोई भी उन्हें पढ़ या बदल सकता है। जब तक सर्वर पर TLS न हो, इसकी अनुमति केवल भरोसेमंद नेटवर्क पर दें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="103" />
        <source>code from the admin, e.g. K7QF-92XD</source>
        <translation>एडमिन से मिला कोड, जैसे K7QF-92XD</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="104" />
        <source>&amp;Enroll</source>
        <translation>पंजीकृत करें (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="109" />
        <source>Server &amp;address</source>
        <translation>सर्वर पता (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="116" />
        <source>Enrollment code</source>
        <translation>पंजीकरण कोड</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="118" />
        <source>Server</source>
        <translation>सर्वर</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="121" />
        <source>None (keyboard scanners only)</source>
        <translation>कोई नहीं (केवल कीबोर्ड स्कैनर)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="142" />
        <source>none</source>
        <translation>कोई नहीं</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="147" />
        <source>off</source>
        <translation>बंद</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="155" />
        <source>Serial &amp;port</source>
        <translation>सीरियल पोर्ट (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="156" />
        <source>&amp;Baud</source>
        <translation>बॉड (&amp;B)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="157" />
        <source>&amp;Terminator</source>
        <translation>टर्मिनेटर (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="160" />
        <source>Keyboard scanner: slowest key gap</source>
        <translation>कीबोर्ड स्कैनर: सबसे धीमा कुंजी अंतर</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="166" />
        <source>Keyboard scanner: shortest code</source>
        <translation>कीबोर्ड स्कैनर: सबसे छोटा कोड</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="172" />
        <source>Keyboard scanner: prefix</source>
        <translation>कीबोर्ड स्कैनर: प्रीफ़िक्स</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="178" />
        <source>Keyboard scanner: no suffix, submit after (ms)</source>
        <translation>कीबोर्ड स्कैनर: सफ़िक्स नहीं, इतनी देर बाद जमा करें (ms)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="183" />
        <source>Scanners</source>
        <translation>स्कैनर</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="186" />
        <source>Test your scanner</source>
        <translation>अपना स्कैनर जाँचें</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="194" />
        <source>Parent patterns (space-separated)</source>
        <translation>पैरेंट पैटर्न (स्पेस से अलग)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="198" />
        <source>Child pattern</source>
        <translation>चाइल्ड पैटर्न</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="202" />
        <source>These are the site's rules, set on the server by an admin.</source>
        <translation>ये साइट के नियम हैं, जिन्हें एडमिन ने सर्वर पर तय किया है।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="205" />
        <source>Code rules</source>
        <translation>कोड नियम</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="207" />
        <source>&amp;Mute sounds</source>
        <translation>आवाज़ बंद (&amp;M)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="209" />
        <source>&amp;High-contrast colours</source>
        <translation>उच्च-कंट्रास्ट रंग (&amp;H)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="211" />
        <source>&amp;Kiosk mode from the next start</source>
        <translation>अगली बार से कियॉस्क मोड (&amp;K)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="214" />
        <source>Full screen; only an admin can close it; started again after a crash (tracetrack-station --kiosk does the same).</source>
        <translation>पूरी स्क्रीन; केवल एडमिन इसे बंद कर सकते हैं; क्रैश के बाद फिर से शुरू होता है (tracetrack-station --kiosk भी यही करता है)।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="228" />
        <source>&amp;Language</source>
        <translation>भाषा (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="229" />
        <source>Sounds and language</source>
        <translation>आवाज़ और भाषा</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="275" />
        <source>Automatic (CR, LF or CRLF)</source>
        <translation>स्वचालित (CR, LF या CRLF)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="276" />
        <source>A pause (no suffix)</source>
        <translation>रुकावट (कोई प्रत्यय नहीं)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="331" />
        <source>Type the enrollment code first.</source>
        <translation>पहले पंजीकरण कोड लिखें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="334" />
        <source>Enrolling…</source>
        <translation>पंजीकरण हो रहा है…</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_dialog.py" line="350" />
        <source>Learned from {n} test reads; press OK to keep.</source>
        <translation>{n} जाँच स्कैन से सीखा गया; रखने के लिए OK दबाएँ।</translation>
    </message>
</context>
<context>
    <name>SettingsErrors</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="73" />
        <source>Enter a full address such as https://tracetrack.example.com, or tick offline only.</source>
        <translation>पूरा पता लिखें, जैसे https://tracetrack.example.com, या केवल ऑफ़लाइन चुनें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="77" />
        <source>This address is not encrypted (http:// to another machine). Use https://, or tick the box below to allow it.</source>
        <translation>यह पता एन्क्रिप्टेड नहीं है (दूसरी मशीन पर http://)। https:// इस्तेमाल करें, या इसकी अनुमति देने के लिए नीचे का बॉक्स चुनें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="82" />
        <source>This address is not encrypted (http:// to another machine). Use https://, or choose offline only now and allow plain http later in Settings, Server.</source>
        <translation>यह पता एन्क्रिप्टेड नहीं है (दूसरी मशीन पर http://)। https:// इस्तेमाल करें, या अभी केवल ऑफ़लाइन चुनें और बाद में सेटिंग्स, सर्वर में सादे http की अनुमति दें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="87" />
        <source>Choose what your scanner sends after each code, or AUTO for CR, LF or CRLF.</source>
        <translation>चुनें कि आपका स्कैनर हर कोड के बाद क्या भेजता है, या CR, LF या CRLF के लिए AUTO चुनें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="91" />
        <source>A scanner types faster than people: use 5 to 200 ms.</source>
        <translation>स्कैनर इंसानों से तेज़ लिखता है: 5 से 200 ms रखें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="94" />
        <source>Use 1 to 64 characters.</source>
        <translation>1 से 64 अक्षर रखें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="95" />
        <source>Use up to 8 characters without spaces, exactly as set on the scanner, e.g. ~.</source>
        <translation>बिना स्पेस के अधिकतम 8 अक्षर रखें, ठीक वैसे ही जैसे स्कैनर पर सेट हैं, जैसे ~</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="99" />
        <source>Use off (0) or 100 to 2000 ms, and no less than the slowest key gap.</source>
        <translation>बंद (0) रखें या 100 से 2000 ms, पर सबसे धीमे कुंजी अंतर से कम नहीं।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="103" />
        <source>Give at least one parent pattern, e.g. SB\d{5}.</source>
        <translation>कम से कम एक पैरेंट पैटर्न दें, जैसे SB\d{5}।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="106" />
        <source>This pattern refuses plain child labels such as 0016586; widen it.</source>
        <translation>यह पैटर्न 0016586 जैसे सामान्य चाइल्ड लेबल अस्वीकार करता है; इसे चौड़ा करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="109" />
        <source>Choose English or Hindi.</source>
        <translation>अंग्रेज़ी या हिन्दी चुनें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="110" />
        <source>Choose one of the listed speeds.</source>
        <translation>सूची की कोई एक गति चुनें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/settings_model.py" line="111" />
        <source>Not a valid pattern:</source>
        <translation>मान्य पैटर्न नहीं:</translation>
    </message>
</context>
<context>
    <name>SignInPanel</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/admin_tab.py" line="41" />
        <source>Sign in to manage the site</source>
        <translation>साइट का प्रबंधन करने के लिए साइन इन करें</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/admin_tab.py" line="43" />
        <source>The Admin screen changes the site on the server: give your password again.</source>
        <translation>प्रबंधन स्क्रीन सर्वर पर साइट बदलती है: अपना पासवर्ड फिर से दें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/admin_tab.py" line="52" />
        <source>Sign &amp;in</source>
        <translation>साइन इन (&amp;I)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/admin_tab.py" line="55" />
        <source>Username</source>
        <translation>उपयोगकर्ता नाम</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/tabs/admin_tab.py" line="56" />
        <source>&amp;Password</source>
        <translation>पासवर्ड (&amp;P)</translation>
    </message>
</context>
<context>
    <name>StationApp</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/app.py" line="340" />
        <source>This station stays open: an admin can close it (log in, then Ctrl+Q).</source>
        <translation>यह स्टेशन खुला रहता है: इसे एडमिन ही बंद कर सकता है (लॉग इन करें, फिर Ctrl+Q)।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/app.py" line="424" />
        <source>Logged in as {name}.</source>
        <translation>{name} के रूप में लॉग इन।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/app.py" line="446" />
        <source>Logged out after a long idle time.</source>
        <translation>लंबे समय तक निष्क्रिय रहने पर लॉग आउट।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/app.py" line="535" />
        <source>Keys typed here went nowhere ({text}): click a field, then type.</source>
        <translation>यहाँ दबाई गई कुंजियाँ कहीं नहीं पहुँचीं ({text}): पहले किसी फ़ील्ड पर क्लिक करें, फिर लिखें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/app.py" line="624" />
        <source>Server not reachable ({reason}); showing this station's records.</source>
        <translation>सर्वर उपलब्ध नहीं ({reason}); इस स्टेशन के रिकॉर्ड दिखा रहे हैं।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/app.py" line="687" />
        <source>the server makes these files</source>
        <translation>ये फ़ाइलें सर्वर बनाता है</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/app.py" line="721" />
        <source>{n} scans lost to another station; click the conflicts count.</source>
        <translation>{n} स्कैन दूसरे स्टेशन से हारे; टकराव संख्या पर क्लिक करें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/app.py" line="732" />
        <source>The server no longer accepts this station. Scans are kept here; ask an admin for an enrollment code and enter it in Settings.</source>
        <translation>सर्वर अब इस स्टेशन को स्वीकार नहीं करता। स्कैन यहाँ सुरक्षित हैं; एडमिन से पंजीकरण कोड लें और सेटिंग्स में डालें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/app.py" line="773" />
        <source>Settings saved.</source>
        <translation>सेटिंग्स सहेजी गईं।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/app.py" line="814" />
        <source>Enrollment is not available.</source>
        <translation>पंजीकरण उपलब्ध नहीं है।</translation>
    </message>
</context>
<context>
    <name>StationsPage</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="38" />
        <source>waiting to enroll</source>
        <translation>नामांकन की प्रतीक्षा में</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="39" />
        <source>code expired</source>
        <translation>कोड की अवधि खत्म</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="40" />
        <source>enrolled</source>
        <translation>नामांकित</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="41" />
        <source>revoked</source>
        <translation>रद्द</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="42" />
        <source>new</source>
        <translation>नया</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="131" />
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="132" />
        <source>Area</source>
        <translation>क्षेत्र</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="133" />
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="134" />
        <source>Last seen</source>
        <translation>आख़िरी बार देखा</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="135" />
        <source>Pending</source>
        <translation>बाकी</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="139" />
        <source>&amp;New station</source>
        <translation>नया स्टेशन (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="140" />
        <source>New &amp;code</source>
        <translation>नया कोड (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="141" />
        <source>&amp;Revoke</source>
        <translation>रद्द करें (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="179" />
        <source>never</source>
        <translation>कभी नहीं</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="194" />
        <source>Station {name} revoked: it can no longer sync.</source>
        <translation>स्टेशन {name} रद्द: अब यह सिंक नहीं कर सकता।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="214" />
        <source>A new enrollment code for {name}? Its current token stops working until it enrolls with the new code.</source>
        <translation>{name} के लिए नया नामांकन कोड? नए कोड से नामांकन होने तक इसका मौजूदा टोकन काम नहीं करेगा।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="217" />
        <source>New code for {name}</source>
        <translation>{name} के लिए नया कोड</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="229" />
        <source>Revoke station {name}? It stops syncing at once; scans it has not sent yet stay on it until it is enrolled again.</source>
        <translation>स्टेशन {name} रद्द करें? यह तुरंत सिंक करना बंद कर देगा; जो स्कैन अभी नहीं भेजे गए वे दोबारा नामांकन तक उसी पर रहेंगे।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/stations_page.py" line="232" />
        <source>Revoke {name}</source>
        <translation>{name} रद्द करें</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="530" />
        <source>new</source>
        <translation>नया</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="531" />
        <source>processing</source>
        <translation>चालू</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="532" />
        <source>completed</source>
        <translation>पूरा</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="534" />
        <source>dispatcher</source>
        <translation>डिस्पैचर</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="535" />
        <source>biller</source>
        <translation>बिलर</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="536" />
        <source>supervisor</source>
        <translation>सुपरवाइज़र</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="537" />
        <source>admin</source>
        <translation>एडमिन</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="539" />
        <source>parent</source>
        <translation>पैरेंट</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="540" />
        <source>child</source>
        <translation>चाइल्ड</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="541" />
        <source>bill</source>
        <translation>बिल</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="542" />
        <source>command</source>
        <translation>कमांड</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="543" />
        <source>unknown</source>
        <translation>अज्ञात</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="544" />
        <source>keyboard scanner</source>
        <translation>कीबोर्ड स्कैनर</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="545" />
        <source>serial scanner</source>
        <translation>सीरियल स्कैनर</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="546" />
        <source>typed</source>
        <translation>टाइप किया</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="547" />
        <source>keyboard</source>
        <translation>कीबोर्ड</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="549" />
        <source>connected</source>
        <translation>जुड़ा</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="550" />
        <source>ready</source>
        <translation>तैयार</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="551" />
        <source>open</source>
        <translation>खुला</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="552" />
        <source>listening</source>
        <translation>सुन रहा</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="553" />
        <source>reconnecting</source>
        <translation>फिर से जुड़ रहा</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/messages.py" line="554" />
        <source>disconnected</source>
        <translation>कटा हुआ</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="62" />
        <source>Add a user</source>
        <translation>उपयोगकर्ता जोड़ें</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="62" />
        <source>Edit a user</source>
        <translation>उपयोगकर्ता बदलें</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="71" />
        <source>(no area)</source>
        <translation>(कोई क्षेत्र नहीं)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="82" />
        <source>Scan the badge here, or leave empty</source>
        <translation>बैज यहाँ स्कैन करें, या खाली छोड़ें</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="84" />
        <source>&amp;Username</source>
        <translation>उपयोगकर्ता नाम (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="85" />
        <source>&amp;Name</source>
        <translation>नाम (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="86" />
        <source>&amp;Role</source>
        <translation>भूमिका (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="87" />
        <source>&amp;Area</source>
        <translation>क्षेत्र (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="88" />
        <source>&amp;Badge</source>
        <translation>बैज (&amp;B)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="109" />
        <source>Type a username.</source>
        <translation>उपयोगकर्ता नाम लिखें।</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="42" />
        <source>disabled</source>
        <translation>निष्क्रिय</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="44" />
        <source>locked until {when}</source>
        <translation>{when} तक लॉक</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="47" />
        <source>active</source>
        <translation>सक्रिय</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="144" />
        <source>At least 8 characters.</source>
        <translation>कम से कम 8 अक्षर।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="146" />
        <source>&amp;Password</source>
        <translation>पासवर्ड (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="147" />
        <source>Password &amp;again</source>
        <translation>पासवर्ड दोबारा (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="162" />
        <source>Type the password.</source>
        <translation>पासवर्ड लिखें।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="164" />
        <source>The two passwords differ.</source>
        <translation>दोनों पासवर्ड अलग हैं।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="208" />
        <source>Username</source>
        <translation>उपयोगकर्ता नाम</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="209" />
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="210" />
        <source>Role</source>
        <translation>भूमिका</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="211" />
        <source>Area</source>
        <translation>क्षेत्र</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="212" />
        <source>Badge</source>
        <translation>बैज</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="213" />
        <source>State</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="218" />
        <source>&amp;Add user</source>
        <translation>उपयोगकर्ता जोड़ें (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="219" />
        <source>&amp;Edit</source>
        <translation>बदलें (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="220" />
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="253" />
        <source>&amp;Disable</source>
        <translation>निष्क्रिय करें (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="221" />
        <source>Reset &amp;password</source>
        <translation>पासवर्ड रीसेट करें (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="253" />
        <source>&amp;Enable</source>
        <translation>सक्रिय करें (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="280" />
        <source>User {name} added.</source>
        <translation>उपयोगकर्ता {name} जोड़ा गया।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="281" />
        <source>User {name} saved.</source>
        <translation>उपयोगकर्ता {name} सहेजा गया।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="282" />
        <source>User {name} disabled.</source>
        <translation>उपयोगकर्ता {name} निष्क्रिय किया गया।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="283" />
        <source>User {name} enabled.</source>
        <translation>उपयोगकर्ता {name} सक्रिय किया गया।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="284" />
        <source>New password set for {name}.</source>
        <translation>{name} का नया पासवर्ड सेट हुआ।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="313" />
        <source>Disable {name}? They can no longer log in anywhere.</source>
        <translation>{name} को निष्क्रिय करें? वे कहीं भी लॉग इन नहीं कर पाएँगे।</translation>
    </message>
    <message>
        <location filename="../../tracetrack_desktop/ui/admin/users_page.py" line="314" />
        <source>Disable {name}</source>
        <translation>{name} को निष्क्रिय करें</translation>
    </message>
</context>
</TS>