/// BS-EER: storage or a subverwerker outside the EER needs `doorgifte` with those countries and a
/// safeguard; a declared transfer names its countries.
/// Source: Model VWO 3.0 art. 10.2; AVG art. 44–46.
struct BsEER: BijsluiterRule {
    let code = "BS-EER"
    let severity = Severity.error
    let source = "Model Verwerkersovereenkomst 3.0, art. 10.2; AVG art. 44-46"

    func check(_ b: Bijsluiter, in context: ItemContext) -> [Diagnostic] {
        var result: [Diagnostic] = []
        let declared = Set((b.doorgifte?.landen ?? []).map { $0.value.count == 2 ? $0.value.uppercased() : (Countries.code(forDutchName: $0.value) ?? $0.value.uppercased()) })
        for place in b.opslag + b.subverwerkers {
            guard let code = place.landCode, !Countries.isEER(code) else { continue }
            let name = Countries.dutchName(code) ?? code
            if b.doorgifte == nil {
                result.append(finding(at: place.land?.location ?? place.location,
                                      "\(place.naam.nonBlank ?? place.plaats.nonBlank ?? "deze plaats") ligt buiten de EER (\(name)), maar 'doorgifte' zegt niets over een waarborg",
                                      hint: "voeg toe: 'doorgifte: { landen: [\(code)], waarborg: dpf | scc | bcr | adequaatheid | uitzondering, toelichting: ... }'"))
            } else if !declared.contains(code) {
                result.append(finding(at: place.land?.location ?? place.location, "\(name) staat niet bij 'doorgifte.landen'",
                                      hint: "voeg \(code) toe aan 'landen' onder 'doorgifte'"))
            }
        }
        if let d = b.doorgifte {
            if d.landen.isEmpty {
                result.append(finding(at: d.location, "'doorgifte' noemt geen landen", hint: "schrijf de landcodes, bijvoorbeeld 'landen: [US]'"))
            }
            for land in d.landen where !Countries.isKnown(land.value.uppercased()) && Countries.code(forDutchName: land.value) == nil {
                result.append(finding(at: land.location, "'\(land.value)' is geen landcode", hint: "gebruik de code van twee letters, bijvoorbeeld US of GB"))
            }
            if d.waarborg == nil {
                result.append(finding(at: d.endLocation, "bij de doorgifte buiten de EER ontbreekt de waarborg",
                                      hint: "voeg 'waarborg:' toe: dpf, scc, bcr, adequaatheid of uitzondering"))
            }
        }
        return result
    }
}
