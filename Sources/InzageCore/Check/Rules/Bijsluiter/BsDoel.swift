/// BS-DOEL: at least one purpose; `organisatie-onderwijs` (Ad II a) only for an informatiemiddel.
/// Source: Model VWO 3.0 Bijlage 1 C, lists Ad I and Ad II (seeds 003/004).
struct BsDoel: BijsluiterRule {
    let code = "BS-DOEL"
    let severity = Severity.error
    let source = "Model Verwerkersovereenkomst 3.0, Bijlage 1 C"

    func check(_ b: Bijsluiter, in context: ItemContext) -> [Diagnostic] {
        var result: [Diagnostic] = []
        guard let doelen = b.doeleinden, !doelen.isEmpty else {
            result.append(finding(at: b.doeleindenKey ?? b.endLocation, "er staat geen doel van de verwerking (doeleinden)",
                                  hint: "noem minstens één doel, bijvoorbeeld 'doeleinden: [onderwijs, levering]'"))
            return result
        }
        for doel in doelen {
            switch doel {
            case .code(let code):
                if let info = Doeleinden.info(for: code.value), info.informatiemiddelOnly, b.soort?.value == .leermiddel {
                    result.append(finding(at: code.location, "het doel '\(code.value)' past alleen bij een informatiemiddel, niet bij een leermiddel",
                                          hint: "zet 'soort: beide' als het product ook de organisatie van het onderwijs ondersteunt, of kies 'onderwijs'"))
                }
            case .eigen(let text):
                if text.isBlank {
                    result.append(finding(at: text.location, "een eigen doel zonder omschrijving", hint: "beschrijf het doel in één zin"))
                }
            }
        }
        return result
    }
}
