/// BS-PRODUCT: section A and G are filled in: product name, a short description, the verwerker's
/// name and address, a contact, and at least one onlosmakelijke verwerking (B.1).
/// Source: Model VWO 3.0 Bijlage 1 A, B.1 and G; art. 11.1.
struct BsIdentity: BijsluiterRule {
    let code = "BS-PRODUCT"
    let severity = Severity.error
    let source = "Model Verwerkersovereenkomst 3.0, Bijlage 1 A, B en G"

    func check(_ b: Bijsluiter, in context: ItemContext) -> [Diagnostic] {
        var result: [Diagnostic] = []
        if b.product.nonBlank == nil {
            result.append(finding(at: b.product?.location ?? b.location, "de naam van het product (product) ontbreekt", hint: "voeg 'product:' toe"))
        }
        if b.omschrijving.nonBlank == nil {
            result.append(finding(at: b.omschrijving?.location ?? b.endLocation, "een korte uitleg van het product (omschrijving) ontbreekt",
                                  hint: "beschrijf in één of twee zinnen wat het product doet"))
        }
        if let v = b.verwerker {
            if v.naam.nonBlank == nil {
                result.append(finding(at: v.naam?.location ?? v.location, "de naam van de verwerker ontbreekt", hint: "voeg 'naam:' toe onder 'verwerker:'"))
            }
            if v.adres == nil {
                result.append(finding(at: v.endLocation, "het adres van de verwerker ontbreekt", hint: "voeg 'adres: { straat: ..., postcode: ..., plaats: ..., land: NL }' toe"))
            }
            if v.contact?.email.nonBlank == nil {
                result.append(finding(at: v.contact?.location ?? v.endLocation, "een contactpersoon met e-mailadres bij de verwerker ontbreekt",
                                      hint: "voeg 'contact: { naam: ..., email: ... }' toe onder 'verwerker:'"))
            }
        } else {
            result.append(finding(at: b.endLocation, "de verwerker (leverancier) ontbreekt", hint: "voeg 'verwerker:' toe met naam, adres en contact"))
        }
        if (b.verwerkingen ?? []).filter({ !$0.isBlank }).isEmpty {
            result.append(finding(at: b.endLocation, "er staat geen verwerking in 'verwerkingen'",
                                  hint: "noem wat het product met de gegevens doet, bijvoorbeeld: opslaan van oefenresultaten"))
        }
        if b.scholen == nil {
            result.append(finding(at: b.endLocation, "er staat niet welke scholen het product gebruiken (scholen)",
                                  hint: "schrijf 'scholen: alle' of een lijst met BRIN-codes"))
        }
        return result
    }
}
