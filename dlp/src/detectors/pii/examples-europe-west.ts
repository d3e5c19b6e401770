/** Examples for the western European detectors; values from this project's own generators. */
import type { Detector } from '../../types.ts';

export const europeWestExamples = {
  'es-dni': {
    positive: [
      'Contrato de alquiler: inquilino con DNI 81483277G, Madrid.',
      'Please add 36371845J to the Spanish payroll.',
    ],
    negative: ['DNI 81483277H has the wrong control letter.', 'Invoice 36371845U (U is never a DNI letter).'],
  },
  'es-nie': {
    positive: ['Alta en la Seguridad Social: NIE X6412334A.', 'Tenant residence card Y2677066H, Valencia.'],
    negative: ['NIE X6412334B has the wrong control letter.', 'Model W6472032Q is a product code.'],
  },
  'it-codice-fiscale': {
    positive: [
      'Anagrafica cliente: codice fiscale NHWWWB88L56A798I, residente a Torino.',
      'Please add WNLRKZ64E25L517M to the Italian payroll export.',
    ],
    negative: [
      'Codice fiscale NHWWWB88L56A798J has the wrong check character.',
      'Reference WNLRKZ64Z25L517M uses Z as a month letter.',
    ],
  },
  'fr-nir': {
    positive: [
      'Dossier salarié : numéro de sécurité sociale 2 94 12 76 416 970 63.',
      'Please check NIR 179058614646946 against the carte vitale.',
    ],
    negative: ['NIR 2 94 12 76 416 970 64 has the wrong key.', 'Order 5 85 12 92 371 709 34 shipped.'],
  },
  'de-steuer-id': {
    positive: ['Lohnabrechnung: Steuer-ID 30954126848, Steuerklasse 1.', 'Your tax ID (IdNr) is 70 013 942 569.'],
    negative: ['Steuer-ID 30954126849 fails the check digit.', 'Auftrag 12575063485 wurde versandt.'],
  },
  'nl-bsn': {
    positive: ['Loonaangifte: BSN 679331918 voor de nieuwe medewerker.', 'Burgerservicenummer: 2168.94.347'],
    negative: ['BSN 679331919 fails the 11-proof.', 'Order 176841714 was delivered.'],
  },
  'be-national-number': {
    positive: ['Rijksregisternummer 80.04.14-947.50, Gent.', 'Please update the HR file: national number 80090944360.'],
    negative: ['National number 80.04.14-947.51 has the wrong mod-97 check.', 'Ticket 71.13.17-526.81 (month 13).'],
  },
  'pt-nif': {
    positive: ['Fatura com NIF 115718010, Lisboa.', 'Número de contribuinte: 351 490 795'],
    negative: ['NIF 115718011 fails the check digit.', 'Encomenda 151023093 enviada.'],
  },
  'ch-ahv': {
    positive: [
      'Lohnausweis: AHV-Nr. 756.0947.3657.07, Zürich.',
      'Please register AVS 7560058295986 with the pension fund.',
    ],
    negative: ['AHV number 756.0947.3657.08 fails the EAN-13 check.', 'EAN 7610947365707 on the packaging.'],
  },
} satisfies Record<string, Detector['examples']>;
