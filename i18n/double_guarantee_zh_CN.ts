<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1">
    <context>
        <name>DoubleGuarantee</name>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="23" />
            <source> (poor county, priority)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/compute_credits.py" line="160" />
            <source>All {} plots were computed; none refused.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="137" />
            <source>Already applied as entry {} (same idempotency key)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_meeting_maps.py" line="71" />
            <source>Also one combined PDF of all projects</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="88" />
            <source>Applied now (false: applied before)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="321" />
            <source>Applied {} field edits, {} deletions, {} new plots; {} review records, {} photos, {} field points added; {} conflicts to decide.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="60" />
            <source>Area</source>
            <translation>面积</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="150" />
            <source>Area (mu)</source>
            <translation>面积（亩）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="83" />
            <source>Area balance after (mu)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="60" />
            <source>Area credit</source>
            <translation>耕地数量指标</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="150" />
            <source>Area credit (mu)</source>
            <translation>耕地数量指标（亩）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_report.py" line="48" />
            <source>Balances equal the sum of the journal</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_meeting_maps.py" line="69" />
            <source>Basemap layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_meeting_maps.py" line="63" />
            <source>Basic farmland</source>
            <translation>永久基本农田</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="22" />
            <source>Blocking</source>
            <translation>阻断</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="235" />
            <source>Bring back an offline package</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/project_db.py" line="38" />
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="46" />
            <source>Cancelled; nothing was written.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_report.py" line="56" />
            <source>Cannot open the ledger {}: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="83" />
            <source>Capacity balance after (kg)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="60" />
            <source>Capacity credit</source>
            <translation>粮食产能指标</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="150" />
            <source>Capacity credit (kg)</source>
            <translation>粮食产能指标（公斤）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="150" />
            <source>Check</source>
            <translation>检查</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="124" />
            <source>Check: not checked. The figures below are before constraint exclusions and are not verified.</source>
            <translation>检查：未检查。以下数字未扣除约束冲突面积，未经核验。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="128" />
            <source>Check: {}</source>
            <translation>检查：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="584" />
            <source>Choose a polygon layer</source>
            <translation>请选择面图层</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="189" />
            <source>Choose where to write the offline package.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="62" />
            <source>Class after</source>
            <translation>实施后地类</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="61" />
            <source>Class before</source>
            <translation>实施前地类</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/compute_credits.py" line="60" />
            <source>Classifies each plot as new farmland, upgrading or not creditable and computes its area, grain-capacity and paddy credits from its ellipsoidal area on CGCS2000 and the rule profile's yield table. Plots with bad input get a reason and zero credit. PROJECT_OUTPUT has one row per project code with the sums and the area-weighted grade uplift.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="133" />
            <source>Clip margin around the projects</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="281" />
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="150" />
            <source>Code</source>
            <translation>编号</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/compute_credits.py" line="51" />
            <source>Compute supplementary-farmland credits</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="264" />
            <source>Conflict</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/layout.py" line="384" />
            <source>Constraint checks</source>
            <translation>约束核查</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/layout.py" line="387" />
            <source>Constraint layer</source>
            <translation>约束图层</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="63" />
            <source>Construction project code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="64" />
            <source>Construction project name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraint_rules.py" line="144" />
            <source>Construction-land reclamation is {:.1f}% of the scale (at least {:.0f}%): the project qualifies for the village layout adjustment policy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraint_rules.py" line="147" />
            <source>Construction-land reclamation is {:.1f}% of the scale, below {:.0f}%: the village layout adjustment policy does not apply</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/layout.py" line="382" />
            <source>Converted</source>
            <translation>换算</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_coord_txt.py" line="97" />
            <source>Coordinate TXT file (or folder)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/import_coord_txt.py" line="41" />
            <source>Coordinate TXT files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/import_coord_txt.py" line="24" />
            <source>Coordinate files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/project_db.py" line="53" />
            <source>Coordinate system (CGCS2000 only)</source>
            <translation>坐标系（仅限 CGCS2000）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/layout.py" line="379" />
            <source>Coordinate system: {} ({}). Areas are ellipsoidal on CGCS2000; 1 mu = 2000/3 square metres.</source>
            <translation>坐标系：{}（{}）。面积为 CGCS2000 椭球面积；1 亩 = 2000/3 平方米。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="65" />
            <source>Copy the codes into</source>
            <translation>编码写入</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/import_coord_txt.py" line="88" />
            <source>Could not write the parcels of {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="23" />
            <source>Counties of the province that could sell (cheapest first): {}</source>
            <comment>; </comment>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_report.py" line="46" />
            <source>Counties with a balance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="150" />
            <source>County</source>
            <translation>县级行政区</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="62" />
            <source>County code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_report.py" line="42" />
            <source>County code (empty: all counties)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/layout.py" line="376" />
            <source>County {}</source>
            <translation>县级行政区 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="21" />
            <source>County {} cannot cover this: {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="125" />
            <source>Create a project database</source>
            <translation>新建项目数据库</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/layout.py" line="381" />
            <source>Credits</source>
            <translation>补充耕地指标</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/compute_credits.py" line="54" />
            <source>Credits and checks</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="726" />
            <source>Credits could not be computed: {}</source>
            <translation>无法计算指标：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="705" />
            <source>Credits of all projects</source>
            <translation>全部项目的指标</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="701" />
            <source>Credits of {}</source>
            <translation>{} 的指标</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="126" />
            <source>Credits of {} (NOT CHECKED against constraints)</source>
            <translation>{} 的指标（未经约束检查）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="129" />
            <source>Credits of {} (after constraint exclusions)</source>
            <translation>{} 的指标（已扣除约束冲突）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="83" />
            <source>Cultivation fee due (yuan)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="284" />
            <source>Database: {}</source>
            <translation>数据库：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/layout.py" line="395" />
            <source>Date: {}</source>
            <translation>制图日期：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="163" />
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="185" />
            <source>Delete plots</source>
            <translation>删除地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="477" />
            <source>Delete project</source>
            <translation>删除项目</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="477" />
            <source>Delete project {} and all its plots? You can undo this until you save.</source>
            <translation>删除项目 {} 及其全部地块？保存前可以撤销。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="163" />
            <source>Delete the project and its plots (undoable until saved)</source>
            <translation>删除项目及其地块（保存前可撤销）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="185" />
            <source>Delete the selected plots</source>
            <translation>删除选中的地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="139" />
            <source>Discard</source>
            <translation>放弃</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="139" />
            <source>Discard all unsaved edits</source>
            <translation>放弃全部未保存的编辑</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/provider.py" line="40" />
            <source>Double Guarantee</source>
            <translation>双保</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="76" />
            <source>Double Guarantee projects</source>
            <translation>双保 项目</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/provider.py" line="43" />
            <source>Double Guarantee: supplementary farmland and reserves</source>
            <translation>双保：补充耕地与指标储备</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="185" />
            <source>Draw</source>
            <translation>绘制</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="185" />
            <source>Draw a line across plots to split them</source>
            <translation>画一条穿过地块的线以分割地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="185" />
            <source>Draw a line to reshape a plot</source>
            <translation>画线修改地块形状</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="185" />
            <source>Draw a plot with QGIS's capture tool</source>
            <translation>用 QGIS 数字化工具绘制地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/tools/plot_tools.py" line="76" />
            <source>Draw plot</source>
            <translation>绘制地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/tools/plot_tools.py" line="91" />
            <source>Draw plot {}</source>
            <translation>绘制地块 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_meeting_maps.py" line="65" />
            <source>Ecological red line</source>
            <translation>生态保护红线</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="370" />
            <source>Enter your name: the choice is recorded with it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="178" />
            <source>Export TXT…</source>
            <translation>导出 TXT…</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="789" />
            <source>Export coordinate TXT</source>
            <translation>导出坐标 TXT</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_coord_txt.py" line="54" />
            <source>Export coordinate TXT (部标准格式)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="180" />
            <source>Export map…</source>
            <translation>导出图件…</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_meeting_maps.py" line="32" />
            <source>Export meeting maps</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="178" />
            <source>Export the project as a Ministry-format coordinate file</source>
            <translation>将项目导出为部标准格式坐标文件</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="180" />
            <source>Export the project map</source>
            <translation>导出项目图件</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="141" />
            <source>Exported by</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_coord_txt.py" line="80" />
            <source>Extra attribute fields a province asks for</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../double_guarantee_plugin/processing/algorithms/export_coord_txt.py" line="76" />
            <source>Field for {}</source>
            <comment>code地块编号</comment>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="264" />
            <source>Field version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="64" />
            <source>Field with land-class codes</source>
            <translation>地类编码字段</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/compute_credits.py" line="76" />
            <source>Field: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/project_db.py" line="45" />
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_meeting_maps.py" line="78" />
            <source>Files written (separated by ;)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="185" />
            <source>Fill from layer…</source>
            <translation>从图层生成…</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="50" />
            <source>Fill plots from a layer</source>
            <translation>从图层生成地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_meeting_maps.py" line="73" />
            <source>Font (empty: the configured CJK font)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_meeting_maps.py" line="70" />
            <source>Format</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="118" />
            <source>Give CAPACITY_KG, or CLASS_CODE and GRADE to compute it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/report_data.py" line="217" />
            <source>Grade before / after</source>
            <translation>实施前 / 后平均等别</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="75" />
            <source>Grade of the occupied land</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="60" />
            <source>Grade uplift</source>
            <translation>等别提升</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/report_data.py" line="218" />
            <source>Grade uplift / new farmland grade</source>
            <translation>等别提升 / 新增耕地等别</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="60" />
            <source>Grain capacity</source>
            <translation>粮食产能</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/report_data.py" line="211" />
            <source>Grain capacity credit</source>
            <translation>粮食产能指标</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="78" />
            <source>Idempotency key (retries are applied once)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="176" />
            <source>Import Ministry-format coordinate files as plots</source>
            <translation>将部标准格式坐标文件导入为地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="176" />
            <source>Import TXT…</source>
            <translation>导入 TXT…</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/import_coord_txt.py" line="21" />
            <source>Import coordinate TXT (部标准格式)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="773" />
            <source>Import coordinate TXT files</source>
            <translation>导入坐标 TXT 文件</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/layout.py" line="382" />
            <source>Indicator</source>
            <translation>指标</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_report.py" line="47" />
            <source>Journal entries</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="83" />
            <source>Journal entry</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="272" />
            <source>Keep the office version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="88" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="73" />
            <source>Land class of the occupied land</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="63" />
            <source>Layer (its selected features become plots)</source>
            <translation>图层（其选中要素将成为地块）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="60" />
            <source>Ledger (GeoPackage file or PostgreSQL connection name)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_report.py" line="44" />
            <source>Ledger report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/layout.py" line="342" />
            <source>Legend</source>
            <translation>图例</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_coord_txt.py" line="85" />
            <source>Line endings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_meeting_maps.py" line="35" />
            <source>Maps and reports</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="60" />
            <source>Mean grade after</source>
            <translation>实施后平均等别</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="60" />
            <source>Mean grade before</source>
            <translation>实施前平均等别</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="185" />
            <source>Merge</source>
            <translation>合并</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="185" />
            <source>Merge the selected plots</source>
            <translation>合并选中的地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="303" />
            <source>Merging an offline package</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="89" />
            <source>Message</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="303" />
            <source>NUL byte in the text: is this a UTF-16 file without byte-order mark, or not a text file?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="150" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="60" />
            <source>New farmland</source>
            <translation>新增耕地</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/report_data.py" line="215" />
            <source>New farmland / upgrading</source>
            <translation>新增耕地 / 提质改造</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="465" />
            <source>New name of {}</source>
            <translation>{} 的新名称</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="60" />
            <source>New paddy</source>
            <translation>新增水田</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="161" />
            <source>New project</source>
            <translation>新建项目</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/project_db.py" line="60" />
            <source>New project database</source>
            <translation>新建项目数据库</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/plugin.py" line="39" />
            <source>New project database…</source>
            <translation>新建项目数据库…</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="125" />
            <source>New…</source>
            <translation>新建…</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/import_coord_txt.py" line="54" />
            <source>No coordinate file given</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="27" />
            <source>No county of the province holds enough to sell.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/project_db.py" line="81" />
            <source>No file name given</source>
            <translation>未指定文件名</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/fonts.py" line="58" />
            <source>No font with Chinese characters is installed (tried {}): install fonts-noto-cjk or set the map font.</source>
            <comment>, </comment>
            <translation>未找到含中文字符的字体（已尝试：{}）：请安装 fonts-noto-cjk 或设置制图字体。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="317" />
            <source>No project database open</source>
            <translation>未打开项目数据库</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_meeting_maps.py" line="108" />
            <source>No project was exported: {}</source>
            <comment>; </comment>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="23" />
            <source>Not checked</source>
            <translation>未检查</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/live_credits.py" line="175" />
            <source>Not checked: no constraint set is configured for this QGIS project</source>
            <translation>未检查：本 QGIS 工程未配置约束图层集</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/live_credits.py" line="203" />
            <source>Not checked: the constraint check failed ({})</source>
            <translation>未检查：约束检查失败（{}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/live_credits.py" line="173" />
            <source>Not checked: the constraint engine is not installed</source>
            <translation>未检查：约束检查模块未安装</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/live_credits.py" line="196" />
            <source>Not checked: the constraint set cannot be used ({})</source>
            <translation>未检查：约束图层集无法使用（{}）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/live_credits.py" line="226" />
            <source>Not checked: the project has no plots</source>
            <translation>未检查：项目没有地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="28" />
            <source>Not creditable</source>
            <translation>不计指标</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="194" />
            <source>Not taken along (no layer chosen): {}</source>
            <comment>, </comment>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="88" />
            <source>Note</source>
            <translation>说明</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="319" />
            <source>Nothing to merge: this package was merged already.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="22" />
            <source>OK</source>
            <translation>通过</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="67" />
            <source>Occupied cultivated area (mu)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="69" />
            <source>Occupied grain capacity (kg)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="71" />
            <source>Occupied paddy (mu)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="264" />
            <source>Office version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="288" />
            <source>Offline package</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_coord_txt.py" line="91" />
            <source>One file per parcel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="124" />
            <source>Open a project database</source>
            <translation>打开项目数据库</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="343" />
            <source>Open a project database first</source>
            <translation>请先打开项目数据库</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/project_db.py" line="119" />
            <source>Open project database</source>
            <translation>打开项目数据库</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/plugin.py" line="40" />
            <source>Open project database…</source>
            <translation>打开项目数据库…</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="124" />
            <source>Open…</source>
            <translation>打开…</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/report_data.py" line="35" />
            <source>Other constraint</source>
            <translation>其他约束</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_meeting_maps.py" line="77" />
            <source>Output folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/layout.py" line="387" />
            <source>Overlap (mu)</source>
            <translation>重叠面积（亩）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/export.py" line="80" />
            <source>Overlap with basic farmland</source>
            <translation>与永久基本农田重叠</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/export.py" line="80" />
            <source>Overlap with ecological red line</source>
            <translation>与生态保护红线重叠</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_meeting_maps.py" line="61" />
            <source>Own template (.qpt), overrides Template</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/map_layers.py" line="96" />
            <source>Paddy after (hatched)</source>
            <translation>实施后水田（斜线）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="83" />
            <source>Paddy balance after (mu)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="60" />
            <source>Paddy credit</source>
            <translation>水田指标</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="150" />
            <source>Paddy credit (mu)</source>
            <translation>水田指标（亩）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/import_coord_txt.py" line="48" />
            <source>Parcels</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="264" />
            <source>Plot</source>
            <translation>地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/tools/plot_tools.py" line="34" />
            <source>Plot attributes</source>
            <translation>地块属性</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="613" />
            <source>Plot {} cannot be repaired automatically; redraw it</source>
            <translation>地块 {} 无法自动修复，请重新绘制</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="154" />
            <source>Plot {}: {}</source>
            <translation>地块 {}：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/tools/plot_tools.py" line="95" />
            <source>Plot {}: {} (use Repair in the project dock)</source>
            <translation>地块 {}：{}（请在项目面板中点击“修复”）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_meeting_maps.py" line="55" />
            <source>Plots</source>
            <translation>地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/report_data.py" line="220" />
            <source>Plots / refused</source>
            <translation>地块数 / 未计入</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="261" />
            <source>Plots edited both in the office and in the field</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/compute_credits.py" line="79" />
            <source>Plots with credits</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_meeting_maps.py" line="75" />
            <source>Producer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/layout.py" line="394" />
            <source>Producer: {}</source>
            <translation>制图单位：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/report_data.py" line="208" />
            <source>Project area</source>
            <translation>项目面积</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/layout.py" line="372" />
            <source>Project code {}</source>
            <translation>项目编号 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_meeting_maps.py" line="57" />
            <source>Project codes (empty: all)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/compute_credits.py" line="81" />
            <source>Project credits</source>
            <translation>项目指标</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/project_db.py" line="101" />
            <source>Project database</source>
            <translation>项目数据库</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="150" />
            <source>Project status</source>
            <translation>项目状态</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="502" />
            <source>Project {} accepted; the reserve ledger is not installed, so nothing was deposited</source>
            <translation>项目 {} 已验收；储备库台账模块未安装，未入库</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="487" />
            <source>Project {} deleted with {} plots (undo to restore; save to make it final)</source>
            <translation>已删除项目 {} 及其 {} 个地块（可撤销恢复；保存后生效）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_meeting_maps.py" line="79" />
            <source>Projects exported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_meeting_maps.py" line="80" />
            <source>Projects not exported, with the reason</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="104" />
            <source>Projects to take to the field</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/import_coord_txt.py" line="30" />
            <source>Reads one or more Ministry-standard coordinate files (部标准格式 TXT) into polygons. Encoding, line endings, renamed header keys, swapped X/Y and a missing zone prefix are detected; rings become parts, holes and islands by containment. area_m2 is the ellipsoidal area on CGCS2000; area_note compares it with the declared 地块面积. A file that cannot be read stops the import and names the line; nothing is output then. Files in other zones are reprojected to the first file's CRS.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="199" />
            <source>Redo</source>
            <translation>重做</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="162" />
            <source>Rename</source>
            <translation>重命名</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="465" />
            <source>Rename project</source>
            <translation>重命名项目</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="78" />
            <source>Repair</source>
            <translation>修复</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="80" />
            <source>Repair the invalid plot geometries (one undo step)</source>
            <translation>修复无效的地块图形（一步撤销）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="606" />
            <source>Repair {} plots</source>
            <translation>修复 {} 个地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_coord_txt.py" line="95" />
            <source>Reproject to (when the layer is not in a Gauss-Krüger zone)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="43" />
            <source>Reserve ledger</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_report.py" line="21" />
            <source>Reserve ledger report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="40" />
            <source>Reserve ledger write-off</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="185" />
            <source>Reshape</source>
            <translation>整形</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/tools/plot_tools.py" line="142" />
            <source>Reshape plot</source>
            <translation>地块整形</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="129" />
            <source>Rule profile</source>
            <translation>规则配置</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="80" />
            <source>Rule profile ({})</source>
            <comment>, </comment>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/compute_credits.py" line="126" />
            <source>Rule profile: {} ({})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="138" />
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="138" />
            <source>Save all edits to the database</source>
            <translation>将全部编辑保存到数据库</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="65" />
            <source>Save or discard the edits of {} first: the merge writes to {}.</source>
            <comment>, </comment>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="331" />
            <source>Saved</source>
            <translation>已保存</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraint_rules.py" line="119" />
            <source>Scale {:.1f} mu is below the {:.0f} mu of a moderate-scale consolidation project</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraint_rules.py" line="123" />
            <source>Scale {:.1f} mu reaches {:.0f} mu</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/tools/plot_tools.py" line="81" />
            <source>Select a project before drawing a plot</source>
            <translation>绘制地块前请先选择项目</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="349" />
            <source>Select a project first</source>
            <translation>请先选择项目</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="101" />
            <source>Select a project to see its credits.</source>
            <translation>选择项目以查看其指标。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="572" />
            <source>Select the plots to delete on the map or in the plot list</source>
            <translation>请在地图或地块列表中选择要删除的地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="166" />
            <source>Set status</source>
            <translation>设置状态</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/layout.py" line="387" />
            <source>Share</source>
            <translation>占比</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="120" />
            <source>Slope</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/report_data.py" line="35" />
            <source>Slope above limit</source>
            <translation>坡度超限</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_meeting_maps.py" line="67" />
            <source>Slope polygons (slope_deg)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="185" />
            <source>Split</source>
            <translation>分割</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/tools/plot_tools.py" line="110" />
            <source>Split plots</source>
            <translation>分割地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="264" />
            <source>Status</source>
            <translation>核查结果</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="151" />
            <source>Take offline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="100" />
            <source>Take projects offline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="275" />
            <source>Take the field version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="199" />
            <source>Taking projects offline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_meeting_maps.py" line="59" />
            <source>Template</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/import_coord_txt.py" line="43" />
            <source>Text encoding</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="787" />
            <source>The coordinate TXT export is not installed</source>
            <translation>坐标 TXT 导出模块未安装</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="771" />
            <source>The coordinate TXT import is not installed</source>
            <translation>坐标 TXT 导入模块未安装</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="511" />
            <source>The deposit dialog failed: {}</source>
            <translation>入库对话框出错：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/compute_credits.py" line="117" />
            <source>The input layer already has a field '{}'; rename it first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/compute_credits.py" line="112" />
            <source>The input layer has no valid CRS: ellipsoidal areas cannot be computed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/compute_credits.py" line="109" />
            <source>The input layer lacks the fields {} (set the field parameters to the names your layer uses)</source>
            <comment>, </comment>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_report.py" line="80" />
            <source>The ledger does not verify: {}</source>
            <comment>; </comment>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/tools/plot_tools.py" line="150" />
            <source>The line does not reshape any plot: it must cross the plot boundary twice</source>
            <translation>该线未修改任何地块：它必须两次穿过地块边界</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/fonts.py" line="52" />
            <source>The map font '{}' has no Chinese characters: the sheet would show empty boxes. Choose a CJK font such as Noto Sans CJK SC.</source>
            <translation>制图字体“{}”不含中文字符，图件将显示为空白方框。请选择中文字体，如 Noto Sans CJK SC。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/fonts.py" line="49" />
            <source>The map font '{}' is not installed: install it (on Debian: fonts-noto-cjk) or choose another font with Chinese characters.</source>
            <translation>制图字体“{}”未安装：请安装该字体（Debian：fonts-noto-cjk）或选择其他含中文字符的字体。</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="799" />
            <source>The meeting-map export is not installed</source>
            <translation>上会图件导出模块未安装</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="839" />
            <source>The project database {} saved in this QGIS project was not found</source>
            <translation>未找到本 QGIS 工程记录的项目数据库 {}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/project_db.py" line="93" />
            <source>The project dock is not loaded</source>
            <translation>项目面板未加载</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="186" />
            <source>Tick at least one project.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="185" />
            <source>Turn selected features of a polygon layer into plots</source>
            <translation>将面图层的选中要素转为地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="198" />
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_coord_txt.py" line="89" />
            <source>Unit of 地块面积</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/compute_credits.py" line="87" />
            <source>Unknown rule profile '{}'; known profiles: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="27" />
            <source>Upgrading</source>
            <translation>提质改造</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/layout.py" line="382" />
            <source>Value</source>
            <translation>数值</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/layout.py" line="389" />
            <source>Verdict: {}</source>
            <translation>核查结论：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="22" />
            <source>Warning</source>
            <translation>警告</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="77" />
            <source>Write-off date (YYYY-MM-DD)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="49" />
            <source>Writes a construction project's occupied cultivated land off the county reserve: area, grain capacity and paddy together, or nothing. Give the three amounts, or the occupied area with the land class and grade and the capacity and paddy are computed with the rule profile's yield table. A county that cannot cover it is refused with the shortfall per indicator and the counties of the province that could sell, cheapest first. The same IDEMPOTENCY_KEY is applied once. FEE_YUAN is the cultivation fee due under the rule profile's fee table.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_meeting_maps.py" line="45" />
            <source>Writes one map sheet per project: the project's plots by kind (paddy hatched), overlaps with basic farmland and the ecological red line in red, legend, scale, north arrow, the credit table (mu and ha) and the constraint-check table (not checked is shown as such). PROJECTS takes codes separated by commas; empty means every project. A project without plots is reported, not exported as an empty page.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_coord_txt.py" line="63" />
            <source>Writes polygons as a Ministry-standard coordinate file (部标准格式 TXT) for 上图入库: header from the layer's CRS (CGCS2000 or Xian 1980 Gauss-Krüger; otherwise set 'Reproject to'), one parcel per feature, rings of parts and holes, 界址点数 counting closing points, area (ellipsoidal, CGCS2000) in hectares by default. With 'one file per parcel', OUTPUT is a folder (a .txt ending is dropped). Files are replaced only when all were written.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_report.py" line="30" />
            <source>Writes the three-indicator reserve balances (area in mu and hectares, grain capacity in kg and 10,000 kg, paddy in mu and hectares) and the journal of deposits, write-offs, transfers, commitments and reversals to one table: rows with record = 'balance' first, then one row per journal entry. LEDGER is a GeoPackage ledger file or the name of a QGIS PostgreSQL connection. VERIFIED says whether every balance equals the sum of its journal.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="137" />
            <source>Written off entry {}: {:.4f} mu, {:.1f} kg, {:.4f} mu paddy from county {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="536" />
            <source>X and Y are swapped in this file (X holds the eastings); read them the other way round</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="248" />
            <source>Your name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_coord_txt.py" line="87" />
            <source>Zone number in front of the eastings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/import_coord_txt.py" line="45" />
            <source>Zone, if neither 带号 nor the eastings give it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="407" />
            <source>a 'key=value' line inside [地块坐标]: the header must come before it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="478" />
            <source>a parcel line must end in ',@' (a comma before '@')</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="481" />
            <source>a parcel line needs {} fields before '@' (界址点数,地块面积,地块编号,地块名称,记录图形属性,图幅号,地块用途,地类编码), found {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="413" />
            <source>a point line before any parcel line (a parcel line ends in ',@')</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="16" />
            <source>area short by {:.4f} mu ({:.4f} ha)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/report_data.py" line="27" />
            <source>blocking</source>
            <translation>不通过</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="181" />
            <source>byte 0x{:02X} cannot be read as {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/writer.py" line="265" />
            <source>cannot create the folder: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="282" />
            <source>cannot read the file: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="519" />
            <source>cannot tell northing from easting in '{}, {}': expected X = northing (below 10,000,000) and Y = easting (with the zone number in front, or below 1,000,000)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/writer.py" line="295" />
            <source>cannot write the file: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/writer.py" line="62" />
            <source>closing_point_name must be 'next' or 'first'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="530" />
            <source>coordinates '{}, {}' do not follow the layout of the first point (line {}): {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="512" />
            <source>coordinates must be finite numbers, found {} and {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/areas.py" line="120" />
            <source>declared area '{}' is not a number; computed {:.2f} m² = {:.4f} ha</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/areas.py" line="143" />
            <source>declared {} ({}) does not match the computed area {:.2f} m² = {:.4f} ha (planar {:.2f} m²); difference {:.2f} m²</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/areas.py" line="130" />
            <source>declared {} ha matches the computed area ({:.2f} m² = {:.4f} ha)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/areas.py" line="133" />
            <source>declared {} is in {}, not hectares; it matches the computed area ({:.2f} m² = {:.4f} ha)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="341" />
            <source>deleted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="335" />
            <source>deleted in the field</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="336" />
            <source>deleted in the office</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="335" />
            <source>edited on both sides</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="467" />
            <source>expected 'key=value' in section [{}], found '{}'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="338" />
            <source>expected 'key=value' or a [section] line in the header, found '{}'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="394" />
            <source>expected a point line 'J1,1,X,Y', a parcel line ending in ',@' or a [section] line, found '{}'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="409" />
            <source>expected a point line 'point name,ring number,X,Y' (4 fields), found {} field(s): '{}'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="487" />
            <source>expected a whole number of points (界址点数) in the 1st field, found '{}'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="427" />
            <source>expected a whole ring number (圈号) in the 2nd field, found '{}'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="419" />
            <source>expected two numbers X,Y in the 3rd and 4th fields, found '{}' and '{}'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/qgis_io.py" line="173" />
            <source>feature '{}' has no polygon geometry</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="18" />
            <source>grain capacity short by {:.1f} kg</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="352" />
            <source>header key '{}' read as '{}'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="343" />
            <source>kept office version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="615" />
            <source>neither 带号 nor the eastings give the zone; zone {} as chosen by the user</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="637" />
            <source>no Gauss-Krüger CRS for this header: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/areas.py" line="117" />
            <source>no area declared; computed {:.2f} m² = {:.4f} ha</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="312" />
            <source>no parcel found: expected a [地块坐标] section with parcel lines ending in ',@'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/report_data.py" line="28" />
            <source>not checked</source>
            <translation>未核查</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/writer.py" line="247" />
            <source>nothing to write: no parcels</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="343" />
            <source>open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="20" />
            <source>paddy short by {:.4f} mu</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="501" />
            <source>parcel '{}' has no point lines: expected 'J1,1,X,Y' lines after its parcel line</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/writer.py" line="141" />
            <source>parcel '{}' has no polygon geometry</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/writer.py" line="131" />
            <source>parcel '{}': the {} '{}' contains a comma or a line break, which the format cannot hold</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/writer.py" line="216" />
            <source>parcel '{}': {} '{}' has the character '{}' that {} cannot hold; choose UTF-8 or GB18030</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/report_data.py" line="27" />
            <source>passed</source>
            <translation>通过</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="554" />
            <source>points lie up to {:.0f} km from the central meridian of zone {}: is the zone right?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="431" />
            <source>ring {} continues after it closed; read the points from here as a new ring</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="659" />
            <source>ring {} of parcel '{}' has {} distinct point(s): a ring needs at least 3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="653" />
            <source>ring {} of parcel '{}' was not closed; closed it with its first point</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="341" />
            <source>shape only</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/writer.py" line="86" />
            <source>the CRS {} is not a CGCS2000 or Xian 1980 Gauss-Krüger zone, which the coordinate file needs; reproject the parcels to the zone they lie in (EPSG:4513–4554 for CGCS2000)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/writer.py" line="83" />
            <source>the CRS {} is not a CGCS2000 or Xian 1980 Gauss-Krüger zone, which the coordinate file needs; reproject the parcels, e.g. to {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="333" />
            <source>the [地块坐标] line is missing; parcels start here</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="344" />
            <source>the [属性描述] line is missing; reading the header without it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/writer.py" line="219" />
            <source>the character '{}' cannot be written in {}; choose UTF-8 or GB18030</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="546" />
            <source>the easting {} carries zone {} but the first point's carries zone {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="631" />
            <source>the eastings carry no zone number in front; zone {} assumed as chosen by the user</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="628" />
            <source>the eastings carry no zone number in front; zone {} assumed from {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="667" />
            <source>the ellipsoidal area could not be computed (coordinates outside the zone); planar areas used</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="194" />
            <source>the file starts with a UTF-16 byte-order mark but is not valid UTF-16</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="187" />
            <source>the file starts with a UTF-8 byte-order mark but byte 0x{:02X} is not UTF-8</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="682" />
            <source>the geometry of parcel '{}' is not valid: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/qgis_io.py" line="138" />
            <source>the layer's CRS ({}) is not a CGCS2000 or Xian 1980 Gauss-Krüger zone, which the coordinate file needs; reproject it{}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="676" />
            <source>the rings of parcel '{}' do not make a polygon: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="203" />
            <source>the text is neither UTF-8 nor GBK/GB18030 (byte 0x{:02X}); choose the encoding by hand</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="619" />
            <source>the zone is unknown: 带号 is empty and the eastings carry no zone number; give the zone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="343" />
            <source>took field version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/writer.py" line="60" />
            <source>unknown area unit '{}': expected ha, m2 or mu</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/writer.py" line="55" />
            <source>unknown encoding '{}': expected one of {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/writer.py" line="58" />
            <source>unknown line ending '{}': expected CRLF or LF</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="179" />
            <source>unknown text encoding '{}'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/reports/report_data.py" line="27" />
            <source>warning</source>
            <translation>警告</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="150" />
            <source>{} ({} refused)</source>
            <translation>{}（{} 个不予计算）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_report.py" line="81" />
            <source>{} balances, {} journal entries</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="491" />
            <source>{} extra attribute field(s) after 地类编码 kept</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/tools/plot_tools.py" line="62" />
            <source>{} failed: {}</source>
            <translation>{} 失败：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="148" />
            <source>{} kg</source>
            <translation>{} 公斤</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="142" />
            <source>{} kg ({} 10,000 kg)</source>
            <translation>{} 公斤（{} 万公斤）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="149" />
            <source>{} mu</source>
            <translation>{} 亩</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/components/credit_panel.py" line="139" />
            <source>{} mu ({} ha)</source>
            <translation>{} 亩（{} 公顷）</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/compute_credits.py" line="153" />
            <source>{} of {} plots were refused and got zero credit:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_coord_txt.py" line="141" />
            <source>{} parcel(s) written to {} file(s) in {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraint_rules.py" line="133" />
            <source>{} piece(s) below {:.0f} mu (smallest {:.1f} mu)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraint_rules.py" line="137" />
            <source>{} piece(s) of {} mu</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/constraint_rules.py" line="128" />
            <source>{} pieces (connected groups of plots); at most {} are allowed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="594" />
            <source>{} plots added from {}</source>
            <translation>已从 {1} 添加 {0} 个地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="618" />
            <source>{} plots repaired</source>
            <translation>已修复 {} 个地块</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/offline.py" line="220" />
            <source>{} projects, {} plots written to {}. Clipped constraint features: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/ledger_writeoff.py" line="23" />
            <source>{} {} at {:.0f} yuan/mu{}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_meeting_maps.py" line="106" />
            <source>{}: not exported: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="329" />
            <source>{}: not saved: {}</source>
            <translation>{}：未保存：{}</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/import_coord_txt.py" line="77" />
            <source>{}: reprojected from {} to {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/docks/project_dock.py" line="591" />
            <source>{}: select the features that should become plots</source>
            <translation>{}：请选择要转为地块的要素</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/gui/dialogs/project_db.py" line="83" />
            <source>{}: the coordinate system {} is not CGCS2000</source>
            <translation>{}：坐标系 {} 不是 CGCS2000</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/import_coord_txt.py" line="73" />
            <source>{}: {} parcel(s), {} points, encoding {}, line endings {}, {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="588" />
            <source>几度分带 '{}' is neither 3 nor 6</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="624" />
            <source>几度分带 is missing; {}-degree zones assumed from zone {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="700" />
            <source>地块面积 seems to be written in {}, not in hectares</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="568" />
            <source>坐标系 '{}' is not supported: expected 2000国家大地坐标系 (CGCS2000) or 1980西安坐标系</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="573" />
            <source>坐标系 is missing or empty; assumed CGCS2000</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="594" />
            <source>带号 '{}' is not a whole number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="610" />
            <source>带号 is empty; zone {} taken from the eastings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="602" />
            <source>带号 is empty; zone {} taken from 中央经线 {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="605" />
            <source>带号 says zone {} but the eastings carry zone {} in front</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="582" />
            <source>投影类型 '{}' is not supported: expected 高斯克吕格 (Gauss-Krüger)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/algorithms/export_coord_txt.py" line="93" />
            <source>数据产生单位 (producer)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="707" />
            <source>界址点数 is empty; the parcel has {} point lines</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="718" />
            <source>界址点数 says {} points but parcel '{}' has {} point lines</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="714" />
            <source>界址点数 {} leaves out the closing points ({} point lines)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="577" />
            <source>计量单位 '{}' is not supported: expected 米 (metres)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../double_guarantee_plugin/core/coord_txt/reader.py" line="494" />
            <source>记录图形属性 is '{}', not 面 (polygon); the points are read as a polygon anyway</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>