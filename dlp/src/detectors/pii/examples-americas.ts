/** Examples for the Canadian and Latin American detectors; values from this project's own generators. */
import type { Detector } from '../../types.ts';

export const americasExamples = {
  'ca-sin': {
    positive: ['For the T4 slip, the Social Insurance Number is 206 178 790.', 'SIN: 753-197-193 (employee #442)'],
    negative: ['Social insurance number 206 178 791 fails the Luhn check.', 'Order 599 529 823 shipped to Calgary.'],
  },
  'br-cpf': {
    positive: [
      'Cadastro do cliente: Ana Souza, CPF 030.110.021-77, Rua das Flores 12.',
      'Emitir nota fiscal para 921.335.286-79 ainda hoje.',
    ],
    negative: [
      'CPF 030.110.021-78 tem dígito verificador errado.',
      'Version 617.874.087-51 of the firmware.',
      'CPF 111.111.111-11 is a repeated-digit placeholder.',
    ],
  },
  'br-cpf-unformatted': {
    positive: ['cpf=02949939244;nome=Paulo Lima', 'Confirme o CPF 03242772296 antes do pagamento.'],
    negative: ['Pedido 96506712937 entregue.', 'CPF 02949939245 inválido.'],
  },
  'mx-curp': {
    positive: [
      'Registro del empleado: CURP HITW950706MVZZFQ04, fecha de ingreso 2024-01-15.',
      'Please validate KEZH660109HYNBGL06 for the Mexican payroll file.',
    ],
    negative: ['CURP HITW950706MVZZFQ05 has a wrong check digit.', 'Code KEZH661309HYNBGL06 has month 13.'],
  },
  'mx-rfc': {
    positive: ['Factura a nombre de PSIJ920123J33, régimen persona física.', 'Contribuyente URXS750423JC8, CP 06700.'],
    negative: ['RFC PSIJ920123J34 con dígito verificador erróneo.', 'SKU URXS751323JC8 (month 13).'],
  },
  'ar-cuil': {
    positive: ['Alta en ANSES: CUIL 27-40245412-7, Juana Pérez.', 'Facturar al CUIT 27-30317323-9 (monotributo).'],
    negative: ['CUIL 27-40245412-8 con dígito verificador inválido.', 'Lote 30-45793606-6 de la empresa.'],
  },
} satisfies Record<string, Detector['examples']>;
