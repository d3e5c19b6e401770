/** Examples for the financial detectors; every planted value comes from this project's own generators. */
import type { Detector } from '../../types.ts';

export const financialExamples = {
  'us-ein': {
    positive: ['W-9 received: Harbor Lane LLC, EIN 45-4061167.', 'Federal tax ID: 742778044 (S-corp)'],
    negative: ['EIN 00-4061167 has a prefix the IRS never assigns.', 'Order 52-5834025 shipped to Denver.'],
  },
  'aba-routing-number': {
    positive: ['Direct deposit form: routing number 037920768, account ending 4410.', 'ABA: 210079478 (wire transfer)'],
    negative: ['Routing number 037920769 fails the 3-7-1 checksum.', 'Parcel 067604041 is out for delivery.'],
  },
  'br-cnpj': {
    positive: ['Fornecedor: Alfa Comércio Ltda, CNPJ 98.709.191/0001-60.', 'Emitir boleto para 74.772.005/0001-79.'],
    negative: ['CNPJ 98.709.191/0001-61 tem dígito verificador errado.', 'Path 30/986/218 in the archive.'],
  },
  'br-cnpj-unformatted': {
    positive: ['cnpj=42805018000100;razao_social=Beta Servicos', 'Confirme o CNPJ 22292216000100 no cadastro.'],
    negative: ['Pedido 48992765000181 entregue.', 'CNPJ 42805018000101 inválido.'],
  },
  'swift-bic': {
    positive: [
      'Wire instructions — SWIFT code: CHASAUM2XXX, beneficiary Jane Roe.',
      'Bank: Rabobank, BIC RABOCAW4, IBAN follows.',
    ],
    negative: ['SWIFT: CHASQQMXXXX uses QQ, which is not a country.', 'The Swift code compiles on Linux.'],
  },
  'bank-account-number': {
    positive: [
      'Bank: First Harbor, routing 037920768, account number 95479933.',
      'Direct deposit — acct no. 28647513566 at the bank.',
      'Pay the invoice into our checking account: 419880544621 (routing 021000021).',
      'UK supplier: sort code 20-00-00, acct 73159028.',
    ],
    negative: [
      'Account number 6628496411 for the loyalty programme.',
      'Bank account number 0000000000 on file.',
      'Deploy to AWS account: 123456789012 in eu-west-1.',
    ],
  },
  'bitcoin-address-base58': {
    positive: [
      'Please send the refund in BTC to 35nBXpJRvT6VKxzV3VPZ7A3e5eC1KW3Uzd.',
      'wallet: 146HCtD3jVx6jx3ueTYq5CEye7veADpH6P',
    ],
    negative: [
      'wallet: 146HCtD3jVx6jx3ueTYq5CEye7veADpH6Q',
      'Send it to address 1ATt4nogtDnxboRS3fXesp15YmEzZkw7il please.',
    ],
  },
  'bitcoin-address-bech32': {
    positive: [
      'Payout address: bc1pxcm9mz287urfmc427hgrl8lvgl5wwte2xe9j3jsp6lxa9k9rdcpsp4fffj',
      'Send BTC to bc1pmj490sa2vpun478yjuuyvfr7q0pldvcks2gff20092djjzlynn9qj28knu today.',
    ],
    negative: [
      'Payout address: bc1pxcm9mz287urfmc427hgrl8lvgl5wwte2xe9j3jsp6lxa9k9rdcpsp4fffk',
      'bc1 is the prefix of native segwit addresses.',
    ],
  },
  'ethereum-address': {
    positive: [
      'Send the USDC to 0xeCd96758c0bf2D560f655d081581D3F1b6E7e08a on mainnet.',
      'owner = 0xCDd40FF791284696bc61a9ABBAe1F19BBEccC627',
    ],
    negative: [
      '0xeCd96758c0bf2D560f655d081581D3F1b6E7e08A has a broken checksum.',
      'hash 0x29c310d55748b867ea257b9fb53a6d6682023326',
    ],
  },
  'ethereum-address-plain': {
    positive: [
      'My MetaMask wallet is 0x20fcbb78507fe4d8c0452181b6f743336bd11b82.',
      'ETH: 0x0043a331e19df77f3686b2db4afdd2d295f3ae9b',
    ],
    negative: [
      'commit 0x4e35fb6d27bee33264d50ec7c4a623aa4708f55c in the build log',
      'wallet 0x0000000000000000000000000000000000000000',
    ],
  },
} satisfies Record<string, Detector['examples']>;
